package swfw.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.SourceFile;
import swfw.dsl.InlineExpectations.Expected;

/**
 * Runs the front end on every file of the corpus of bad inputs (src/test/resources/diagnostics, one
 * mistake per file, the expectation inline above the culprit) and approves what a user would see.
 * Files under {@code include/} are only read through the corpus files that include them.
 */
class DiagnosticsCorpusTest {
  /** Codes the front end declares but cannot emit today; docs/diagnostics.md says why. */
  static final Set<String> UNREACHABLE = Set.of("SW2020", "SW2021");

  /** Files that cannot hold a comment, with what they must produce. */
  private static final Map<String, List<String>> WITHOUT_COMMENTS = Map.of(
      "sw0007-empty-file.swfw", List.of("1 warning SW0007"),
      "sw0008-binary-garbage.swfw", List.of("0 error SW0008"));

  /** Read from the sources, not target/: a corpus file deleted there must not live on as a stale copy. */
  static Path corpus() {
    return Path.of("src/test/resources/diagnostics").toAbsolutePath();
  }

  static List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(corpus())) {
      return s.filter(p -> p.toString().endsWith(".swfw")).map(p -> p.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void reportsWhatTheFileExpects(String name) throws IOException {
    Frontend result = Frontend.run(corpus().resolve(name));
    List<Expected> expected = expectations(name, result);
    List<Expected> actual = new ArrayList<>();
    for (Diagnostic d : result.diagnostics().sorted()) {
      actual.add(Expected.of(d));
    }
    assertEquals(sorted(expected.stream().map(Expected::withoutText).collect(Collectors.toList())), sorted(actual),
        () -> "diagnostics of " + name + ":\n" + result.renderDiagnostics());
    for (Expected e : expected) {
      if (!e.text().isEmpty()) {
        assertTrue(result.diagnostics().sorted().stream().anyMatch(d -> Expected.of(d).equals(e.withoutText())
            && d.message().contains(e.text())), () -> e + " should say '" + e.text() + "':\n" + result.renderDiagnostics());
      }
    }
    assertFalse(actual.isEmpty(), name + " is in the corpus of bad inputs but produces no diagnostic");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void rendersDiagnostics(String name) {
    Frontend result = Frontend.run(corpus().resolve(name));
    Approvals.verify(relative(result.renderDiagnostics()), Approvals.NAMES.withParameters(name.replace(".swfw", "")));
  }

  @Test
  void coversEveryReachableCode() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (String name : files()) {
      Frontend result = Frontend.run(corpus().resolve(name));
      expectations(name, result).forEach(e -> covered.add(e.code()));
    }
    Set<String> missing = new TreeSet<>(DiagnosticCodes.all().keySet());
    missing.removeAll(covered);
    missing.removeAll(UNREACHABLE);
    assertEquals(Set.of(), missing, "codes without a corpus file");
  }

  /** ApprovalTests creates an empty approved file for a missing one: one left behind by a removed input is caught here. */
  @Test
  void approvesOnlyFilesOfTheCorpus() throws IOException {
    String prefix = DiagnosticsCorpusTest.class.getSimpleName() + ".rendersDiagnostics.";
    List<String> inputs = files();
    try (Stream<Path> s = Files.list(Path.of("src/test/java/swfw/dsl"))) {
      List<String> orphans = s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix) && n.endsWith(".approved.txt"))
          .map(n -> n.substring(prefix.length(), n.length() - ".approved.txt".length()) + ".swfw")
          .filter(n -> !inputs.contains(n)).sorted().collect(Collectors.toList());
      assertEquals(List.of(), orphans, "approved files without a corpus file");
    }
  }

  @Test
  void hasAtLeastFortyFiveFiles() throws IOException {
    assertTrue(files().size() >= 45, "only " + files().size() + " corpus files");
  }

  private static List<Expected> expectations(String name, Frontend result) {
    List<String> fixed = WITHOUT_COMMENTS.get(name);
    if (fixed != null) {
      Path file = corpus().resolve(name);
      return fixed.stream().map(s -> s.split(" "))
          .map(p -> new Expected(file, Integer.parseInt(p[0]), p[1].equals("error") ? Severity.ERROR : Severity.WARNING,
              p[2], ""))
          .collect(Collectors.toList());
    }
    // Expectations live in every file the run read, includes too.
    List<Expected> all = new ArrayList<>();
    for (SourceFile source : result.loaded().sources()) {
      all.addAll(InlineExpectations.of(source));
    }
    return all;
  }

  private static List<Expected> sorted(List<Expected> list) {
    List<Expected> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  /** Golden files must not depend on where the repository is checked out. */
  private static String relative(String text) {
    return text.replace(corpus().toString() + java.io.File.separator, "");
  }
}
