package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.diag.Diagnostic;
import swfw.diag.SourceFile;
import swfw.diag.Span;

/**
 * The sweep that finds the directive suppressing each finding picks what trying every directive in order
 * picks: on random files of one-line statements and node blocks, directives above or after statements,
 * naming one code or several, and findings at random lines of either file.
 */
class SuppressionsTest {
  private static final List<String> CODES = List.of("SW4002", "SW4003", "SW4005");

  @Property(tries = 500)
  void sweepPicksWhatTryingEveryDirectivePicks(@ForAll long seed) {
    Random random = new Random(seed);
    List<SourceFile> sources = List.of(file(Path.of("a.swfw"), random), file(Path.of("b.swfw"), random));
    Suppressions suppressions = Suppressions.read(sources);
    List<Diagnostic> findings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SourceFile file = sources.get(random.nextInt(sources.size()));
      int lines = (int) file.text().lines().count();
      findings.add(Diagnostic.warning(CODES.get(random.nextInt(CODES.size())),
          Span.of(file.path(), 1 + random.nextInt(lines), 1, 1), "finding"));
    }
    List<Optional<Suppressions.Directive>> expected = new ArrayList<>();
    for (Diagnostic d : findings) {
      expected.add(suppressions.directives().stream().filter(x -> Suppressions.suppresses(x, d)).findFirst());
    }
    assertEquals(expected, suppressions.suppressors(findings), () -> sources.toString());
    Statistics.label("suppressed").collect(expected.stream().filter(Optional::isPresent).count() > 3);
    Statistics.label("suppressed").coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  private static SourceFile file(Path path, Random random) {
    StringBuilder b = new StringBuilder("public eth0;\n");
    for (int i = 0; i < 15; i++) {
      if (random.nextInt(3) == 0) {
        b.append(directive(random)).append('\n');
      }
      boolean block = random.nextInt(4) == 0;
      b.append(block ? "node n" + i + " {\n  allow tcp 22;\n" : "allow tcp " + (20 + i) + ";");
      if (block && random.nextBoolean()) {
        b.append(directive(random)).append("\n  allow tcp 23; ").append(directive(random)).append('\n');
      }
      b.append(block ? "}" : "").append(random.nextInt(4) == 0 ? " " + directive(random) : "").append('\n');
    }
    return new SourceFile(path, b.toString());
  }

  private static String directive(Random random) {
    String codes = random.nextBoolean() ? CODES.get(random.nextInt(CODES.size()))
        : String.join(", ", CODES.subList(0, 2));
    return "# swfw:ignore " + codes + " -- reason";
  }
}
