package swfw.dsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import swfw.dsl.gen.ExampleFiles;
import swfw.dsl.gen.Mutations;
import swfw.dsl.gen.PolicyGenerator;

/** fmt is idempotent and keeps the syntax tree: over the examples, generated policies and parsable mutants. */
class FormatterPropertiesTest {
  @Provide
  Arbitrary<Path> examples() {
    return Arbitraries.of(ExampleFiles.all());
  }

  @Provide
  Arbitrary<String> policies() {
    return PolicyGenerator.policies();
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void formattingAnExampleIsIdempotent(@ForAll("examples") Path example) {
    assertIdempotentAndTreeKept(ExampleFiles.read(example));
  }

  @Property(tries = 300)
  void formattingAGeneratedPolicyIsIdempotent(@ForAll("policies") String text) {
    assertIdempotentAndTreeKept(text);
  }

  @Property(tries = 200)
  void aTidyGeneratedPolicyIsAlreadyFormatted(@ForAll long seed) {
    String tidy = PolicyGenerator.generate(seed, 30);
    assertEquals(tidy, format(tidy).orElseThrow());
  }

  @Property(tries = 100)
  void formattingAMessyPolicyGivesTheTreeOfItsTidyTwin(@ForAll long seed) {
    String formatted = format(PolicyGenerator.generateMessy(seed, 30)).orElseThrow();
    assertEquals(Trees.withoutPositions(PolicyGenerator.generate(seed, 30)), Trees.withoutPositions(formatted));
  }

  /** Mutants that still parse (about one in four) are odd but valid programs: a good test of the layout rules. */
  @Property(tries = 1000, seed = "7", shrinking = ShrinkingMode.OFF)
  void formattingAParsableMutantIsIdempotent(@ForAll("mutationBases") Path base, @ForAll long seed) {
    assertIdempotentAndTreeKept(Mutations.mutate(ExampleFiles.read(base), new Random(seed)));
  }

  @Provide
  Arbitrary<Path> mutationBases() {
    List<Path> bases = new ArrayList<>(ExampleFiles.all());
    bases.add(ExampleFiles.projectRoot().resolve("dsl/src/test/resources/swfw/dsl/fmt/messy.swfw"));
    return Arbitraries.of(bases);
  }

  private static void assertIdempotentAndTreeKept(String text) {
    Optional<String> once = format(text);
    if (once.isEmpty()) {
      return;
    }
    String formatted = once.get();
    Optional<String> twice = format(formatted);
    assertTrue(twice.isPresent(), () -> "fmt(x) does not parse:\n" + formatted);
    assertEquals(formatted, twice.get(), "fmt(fmt(x)) differs from fmt(x)");
    assertEquals(Trees.withoutPositions(text), Trees.withoutPositions(formatted), "parse(fmt(x)) differs from parse(x)");
    assertTrue(formatted.isEmpty() || formatted.endsWith("\n") && !formatted.endsWith("\n\n"), "one newline at the end");
  }

  private static Optional<String> format(String text) {
    return Formatter.format(Path.of("t.swfw"), text).formatted();
  }
}
