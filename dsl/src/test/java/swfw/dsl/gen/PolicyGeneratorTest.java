package swfw.dsl.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import swfw.dsl.Frontend;

/** The generator's promise to its users: valid, checked policies, the same for the same seed. */
class PolicyGeneratorTest {
  @Property(tries = 200)
  void generatedPoliciesPassTheChecker(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int statements) {
    for (String text : new String[] {PolicyGenerator.generate(seed, statements), PolicyGenerator.generateMessy(seed, statements)}) {
      Frontend result = Frontend.run(Path.of("generated.swfw"), text);
      assertFalse(result.diagnostics().hasErrors(), () -> result.renderDiagnostics() + "\n" + text);
    }
  }

  @Property(tries = 20)
  void theSameSeedGivesTheSameText(@ForAll long seed) {
    assertEquals(PolicyGenerator.generate(seed, 25), PolicyGenerator.generate(seed, 25));
    assertEquals(PolicyGenerator.generateMessy(seed, 25), PolicyGenerator.generateMessy(seed, 25));
  }
}
