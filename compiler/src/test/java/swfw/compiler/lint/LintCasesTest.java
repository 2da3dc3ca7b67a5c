package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.diag.Diagnostic;

/**
 * One bad policy per finding under src/test/resources/lints: its rendered diagnostics are approved, and
 * every diagnostic is announced inline by a {@code # error: CODE} or {@code # warning: CODE} comment
 * above the line it points at (stacked expectation comments all announce the next other line).
 */
class LintCasesTest {
  private static final Path DIR = Path.of("src/test/resources/lints");
  private static final Pattern EXPECTATION = Pattern.compile("^\\s*#\\s*(error|warning):\\s*(SW\\d{4})");

  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".swfw")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void findings(String name) {
    LintRun run = LintRun.of(DIR.resolve(name));
    Approvals.verify(run.rendered(), Approvals.NAMES.withParameters(name.replace(".swfw", "")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void findingsAreTheAnnouncedOnes(String name) throws IOException {
    LintRun run = LintRun.of(DIR.resolve(name));
    TreeSet<String> actual = new TreeSet<>();
    for (Diagnostic d : run.all()) {
      actual.add(d.span().line() + " " + d.severity().label() + " " + d.code());
    }
    assertEquals(announced(Files.readAllLines(DIR.resolve(name))), actual, run.rendered());
  }

  private static TreeSet<String> announced(List<String> lines) {
    TreeSet<String> out = new TreeSet<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECTATION.matcher(lines.get(i));
      if (m.find()) {
        pending.add(m.group(1) + " " + m.group(2));
        continue;
      }
      for (String p : pending) {
        out.add((i + 1) + " " + p);
      }
      pending.clear();
    }
    return out;
  }
}
