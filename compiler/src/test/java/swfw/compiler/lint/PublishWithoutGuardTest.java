package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.RandomPolicies;
import swfw.diag.Diagnostic;

/** SW4010 with the guards indexed reports what it reported reading every statement per guard of each publish. */
class PublishWithoutGuardTest {
  @Property(tries = 300)
  void reportsWhatReadingEveryStatementPerGuardReports(@ForAll long seed) {
    Random random = new Random(seed);
    String policy = random.nextBoolean() ? RandomPolicies.policy(random) : RandomPolicies.swarmPolicy(random);
    LintRun run = LintRun.of(policy);
    Assume.that(run.compiled().isPresent());
    LintContext context = new LintContext(run.front().loaded(), run.front().policy().orElseThrow(),
        run.compiled().orElseThrow());
    List<Diagnostic> expected = new ArrayList<>();
    new NaivePublishWithoutGuard().check(context, expected);
    List<Diagnostic> found = new ArrayList<>();
    new PublishWithoutGuard().check(context, found);
    assertEquals(expected, found, policy);
    Statistics.label("findings").collect(expected.isEmpty() ? "none" : "some");
    Statistics.label("findings").coverage(c -> c.check("some").percentage(p -> p > 5));
  }
}
