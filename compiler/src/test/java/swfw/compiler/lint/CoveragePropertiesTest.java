package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.RandomPolicies;

/**
 * On whole policies, the coverage check with the indexed search reports exactly what it reports with
 * the naive one: the same statements, coverers in the same order, the same kinds and limit notes; and the
 * chains are those the naive search was first run on (each guard's filtered from all the node's rules).
 * Policies mix nodes, both families, guarded interfaces, outbound and published rules, rate limits,
 * ICMP types, overlapping port ranges and nested or adjacent networks.
 */
class CoveragePropertiesTest {
  @Property(tries = 300)
  void theIndexedSearchReportsWhatTheNaiveOneReports(@ForAll long seed) {
    String policy = RandomPolicies.policy(new Random(seed));
    LintRun run = LintRun.of(policy);
    Assume.that(run.compiled().isPresent());
    LintContext context = new LintContext(run.front().loaded(), run.front().policy().orElseThrow(),
        run.compiled().orElseThrow());
    Coverage.Result naive = Coverage.of(context, NaiveCoverers::of);
    assertEquals(naive, Coverage.of(context), policy);
    assertEquals(NaiveCoverers.find(run.compiled().get().ir().nodes()), naive.covered(), policy);
    Statistics.label("reported").collect(naive.covered().size() == 0 ? "none" : naive.covered().size() < 4 ? "1-3" : "4+");
    Statistics.label("reported").coverage(c -> c.check("none").percentage(p -> p < 45));
  }
}
