package swfw.dsl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import swfw.dsl.fmt.Formatter;
import swfw.dsl.gen.ExampleFiles;
import swfw.dsl.gen.Mutations;
import swfw.dsl.gen.PolicyGenerator;

/**
 * Damaged policies never make the front end or the formatter throw: they report diagnostics. The
 * seeds are fixed so a failure is reproducible; the example's own path is used, so includes resolve.
 */
class FrontendMutationTest {
  @Provide
  Arbitrary<Path> bases() {
    List<Path> bases = new ArrayList<>(ExampleFiles.all());
    bases.add(ExampleFiles.projectRoot().resolve("dsl/src/test/resources/swfw/dsl/fmt/messy.swfw"));
    return Arbitraries.of(bases);
  }

  @Property(tries = 1500, seed = "11", shrinking = ShrinkingMode.OFF)
  void aMutatedExampleGivesDiagnosticsNotExceptions(@ForAll("bases") Path base, @ForAll long seed) {
    Random random = new Random(seed);
    String text = ExampleFiles.read(base);
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      text = Mutations.mutate(text, random);
    }
    survives(base, text);
  }

  @Property(tries = 500, seed = "12", shrinking = ShrinkingMode.OFF)
  void aTruncatedExampleGivesDiagnosticsNotExceptions(@ForAll("bases") Path base, @ForAll long seed) {
    survives(base, Mutations.truncate(ExampleFiles.read(base), new Random(seed)));
  }

  @Property(tries = 300, seed = "13", shrinking = ShrinkingMode.OFF)
  void aMutatedGeneratedPolicyGivesDiagnosticsNotExceptions(@ForAll long seed) {
    Random random = new Random(seed);
    String text = Mutations.mutate(PolicyGenerator.generateMessy(seed, 15), random);
    survives(Path.of("generated.swfw"), random.nextBoolean() ? text : Mutations.truncate(text, random));
  }

  private static void survives(Path name, String text) {
    Frontend result = Frontend.run(name, text);
    result.renderDiagnostics();
    assertTrue(result.policy().isPresent() != result.diagnostics().hasErrors(),
        "a checked policy exactly when there are no errors");
    Formatter.Result formatted = Formatter.format(name, text);
    formatted.renderDiagnostics();
    assertTrue(formatted.formatted().isPresent() != formatted.diagnostics().hasErrors(),
        "formatted exactly when there are no syntax errors");
  }
}
