package swfw.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import swfw.diag.DiagnosticRenderer;
import swfw.diag.Diagnostics;
import swfw.dsl.gen.Mutations;
import swfw.dsl.gen.PolicyGenerator;
import swfw.dsl.load.LoadedPolicy;
import swfw.dsl.load.PolicyLoader;

/** Checked in two halves at once, a policy gives what it gives checked in one piece: result and diagnostics. */
class CheckerTest {
  private static final Path FILE = Path.of("p.swfw");

  @Test
  void checksACleanBigPolicyInHalvesAsInOnePiece() {
    StringBuilder text = new StringBuilder("let admins = { 10.0.0.0/8, 2001:db8::/32 };\nlet web = tcp { 80, 443 };\n");
    for (int i = 0; i < 300; i++) {
      text.append("allow tcp ").append(1 + i).append(" from 10.1.").append(i % 250).append(".1;\n")
          .append("node n").append(i % 7).append(" { allow web from admins; deny udp ").append(i + 1).append("; }\n")
          .append("host h").append(i).append(" role n").append(i % 9).append(" address 10.2.0.").append(i % 250)
          .append(";\n");
    }
    String checked = checked(text.toString(), 1);
    assertTrue(checked.startsWith("Optional[CheckedPolicy["), checked);
    assertEquals(checked(text.toString(), Integer.MAX_VALUE), checked);
  }

  @Test
  void reportsAsInOnePieceWhatOnlyTheHalvesTogetherShow() {
    String text = "host h role m address 10.0.0.1;\nallow tcp 22;\nallow tcp 23;\nhost h role m address 10.0.0.2;\n";
    assertEquals(checked(text, Integer.MAX_VALUE), checked(text, 1));
  }

  @Test
  void reportsAsInOnePieceWhatEitherHalfFinds() {
    String text = "allow tcp 22 from 10.0.0.1/8;\nlet a = { 10.0.0.1 };\nallow tcp 99999;\nallow tcp 1 from b;\n"
        + "allow tcp 2 from a;\nlet c = { 1.2.3.4.5 };\nallow tcp 3 from c;\nallow tcp 4 from c;\n";
    assertEquals(checked(text, Integer.MAX_VALUE), checked(text, 1));
  }

  @Property(tries = 300)
  void checksMutatedGeneratedPoliciesInHalvesAsInOnePiece(@ForAll long seed) {
    String text = Mutations.mutate(PolicyGenerator.generate(seed, 30), new Random(seed));
    assertEquals(checked(text, Integer.MAX_VALUE), checked(text, 1));
  }

  @Property(tries = 200)
  void checksGeneratedPoliciesInHalvesAsInOnePiece(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int statements) {
    String text = PolicyGenerator.generateMessy(seed, statements);
    assertEquals(checked(text, Integer.MAX_VALUE), checked(text, 1));
  }

  /** The checked policy and the rendered diagnostics. */
  private static String checked(String text, int parallelThreshold) {
    Diagnostics diags = new Diagnostics();
    LoadedPolicy loaded = new PolicyLoader(diags).load(FILE, text);
    Optional<CheckedPolicy> policy = diags.hasErrors() ? Optional.empty()
        : Checker.check(loaded, diags, parallelThreshold);
    return policy + "\n" + new DiagnosticRenderer(loaded::source).renderAll(diags.sorted());
  }
}
