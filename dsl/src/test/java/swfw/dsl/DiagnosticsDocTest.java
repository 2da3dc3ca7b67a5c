package swfw.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md stays in sync with the codes the front end declares and with what it prints. */
class DiagnosticsDocTest {
  private static final Path DOC = Path.of("../docs/diagnostics.md");
  private static final Pattern SECTION = Pattern.compile("^## (SW\\d{4})\\b", Pattern.MULTILINE);
  private static final Pattern BLOCK = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern HEADER = Pattern.compile("^\\S+: (?:error|warning)\\[(SW\\d{4})]");

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }

  private static Set<String> sections() throws IOException {
    Set<String> codes = new TreeSet<>();
    Matcher m = SECTION.matcher(doc());
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  @Test
  void documentsEveryCodeTheFrontEndDeclares() throws IOException {
    Set<String> missing = new TreeSet<>(DiagnosticCodes.all().keySet());
    missing.removeAll(sections());
    assertEquals(Set.of(), missing, "codes without a section in " + DOC);
  }

  @Test
  void documentsNoFrontEndCodeThatDoesNotExist() throws IOException {
    Set<String> stale = sections().stream().filter(c -> c.compareTo("SW3000") < 0).collect(Collectors.toCollection(TreeSet::new));
    stale.removeAll(DiagnosticCodes.all().keySet());
    assertEquals(Set.of(), stale, "sections for codes the front end does not declare");
  }

  @Test
  void listsSectionsInCodeOrder() throws IOException {
    List<String> order = new ArrayList<>();
    Matcher m = SECTION.matcher(doc());
    while (m.find()) {
      order.add(m.group(1));
    }
    List<String> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order);
  }

  /** An example of a front-end code must be a rendering the corpus test approved, so messages cannot drift from it. */
  @Test
  void showsExamplesExactlyAsTheFrontEndPrintsThem() throws IOException {
    String approved = approvedRenderings();
    Matcher m = BLOCK.matcher(doc());
    int checked = 0;
    while (m.find()) {
      String block = m.group(1);
      Matcher header = HEADER.matcher(block);
      if (header.find() && DiagnosticCodes.all().containsKey(header.group(1))
          && !DiagnosticsCorpusTest.UNREACHABLE.contains(header.group(1))) {
        assertTrue(approved.contains(block), "not an approved rendering:\n" + block);
        checked++;
      }
    }
    assertTrue(checked >= 35, "only " + checked + " examples checked");
  }

  private static String approvedRenderings() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/java/swfw/dsl"))) {
      StringBuilder all = new StringBuilder();
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".approved.txt")).sorted()
          .collect(Collectors.toList())) {
        all.append(Files.readString(p)).append('\u0000');
      }
      return all.toString();
    }
  }
}
