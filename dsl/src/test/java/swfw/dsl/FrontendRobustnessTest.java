package swfw.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import swfw.diag.Diagnostic;
import swfw.diag.Diagnostics;

/**
 * Whatever the bytes, the front end answers with diagnostics: never an exception, never more than
 * {@link Diagnostics#MAX_ERRORS} errors shown, and a closing note when some were dropped.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrontendRobustnessTest {
  private static final long SEED = 20240601L;

  @TempDir
  Path dir;

  private Frontend run(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    Frontend result = Frontend.run(file);
    assertBounded(result);
    return result;
  }

  private Frontend run(String name, String text) throws IOException {
    return run(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertBounded(Frontend result) {
    long shownErrors = result.diagnostics().sorted().stream().filter(Diagnostic::isError).count();
    assertTrue(shownErrors <= Diagnostics.MAX_ERRORS, shownErrors + " errors shown");
    String text = result.renderDiagnostics();
    assertEquals(result.diagnostics().truncated(), text.endsWith("are shown\n"), "closing note iff truncated");
    if (result.diagnostics().hasErrors()) {
      assertTrue(result.policy().isEmpty(), "no checked policy from a text with errors");
    }
  }

  @Test
  void acceptsAnEmptyFileWithAWarning() throws IOException {
    Frontend result = run("empty.swfw", new byte[0]);
    assertFalse(result.diagnostics().hasErrors());
    assertEquals(1, result.diagnostics().warningCount());
  }

  @Test
  void acceptsAFileOfOnlyCommentsWithAWarning() throws IOException {
    Frontend result = run("comments.swfw", "# nothing\n\n   # still nothing\r\n#\n");
    assertFalse(result.diagnostics().hasErrors());
    assertEquals(1, result.diagnostics().warningCount());
  }

  @Test
  void reportsOneErrorForAMegabyteOfRandomBytes() throws IOException {
    byte[] bytes = new byte[1 << 20];
    new Random(SEED).nextBytes(bytes);
    Frontend result = run("random.swfw", bytes);
    assertEquals(1, result.diagnostics().errorCount());
  }

  @Test
  void survivesAMegabyteOfRandomPrintableText() throws IOException {
    Random random = new Random(SEED);
    String alphabet = "{};,=-/\"#.:abcdefghijklmnopqrstuvwxyz0123456789 \t\n";
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < 1 << 20) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    Frontend result = run("printable.swfw", text.toString());
    assertTrue(result.diagnostics().hasErrors());
  }

  @Test
  void survivesAMegabyteOfRandomWordsOfTheLanguage() throws IOException {
    Random random = new Random(SEED);
    String[] words = {"allow", "deny", "reject", "out", "tcp", "udp", "icmp", "icmpv6", "any", "22", "80-90", "ssh",
        "from", "to", "on", "eth0", "\"eth 0\"", "limit", "8/second", "burst", "5", "{", "}", ",", ";", "let", "x", "=",
        "node", "master", "host", "role", "address", "10.0.0.0/8", "2001:db8::/32", "include", "\"x.swfw\"", "public",
        "trust", "publish", "expect", "accept", "drop", "\"comment\"", "\n"};
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < 1 << 20) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    run("words.swfw", text.toString());
  }

  @Test
  void survivesTenThousandNestedBraces() throws IOException {
    Frontend result = run("braces.swfw", "{".repeat(10_000));
    assertTrue(result.diagnostics().hasErrors());
  }

  @Test
  void survivesTenThousandNestedNodeBlocks() throws IOException {
    Frontend result = run("nodes.swfw", "node n {\n".repeat(10_000) + "allow tcp 22;\n" + "}\n".repeat(10_000));
    assertTrue(result.diagnostics().hasErrors());
  }

  @Test
  void survivesTenThousandNestedSets() throws IOException {
    Frontend result = run("sets.swfw", "let x = " + "{ ".repeat(10_000) + "1.2.3.4" + " }".repeat(10_000) + ";\n");
    assertTrue(result.diagnostics().hasErrors());
  }

  @Test
  void reportsARunOfSemicolonsOnce() throws IOException {
    Frontend result = run("semicolons.swfw", ";".repeat(100_000));
    assertEquals(1, result.diagnostics().errorCount(), result::renderDiagnostics);
  }

  @Test
  void reportsAHundredErrorsAndANoteForAHundredThousandBadLines() throws IOException {
    Frontend result = run("bad-lines.swfw", "allow tcp 22 from ;\n".repeat(100_000));
    assertTrue(result.diagnostics().truncated());
    assertEquals(Diagnostics.MAX_ERRORS, result.diagnostics().sorted().size());
    assertEquals(100_000, result.diagnostics().errorCount(), "dropped errors still count");
  }

  @Test
  void checksAFiveMegabyteGeneratedPolicy() throws IOException {
    String policy = GeneratedPolicy.ofSize(5 << 20, SEED);
    Frontend result = run("big.swfw", policy);
    assertEquals("", result.renderDiagnostics());
    assertTrue(result.policy().isPresent());
    assertTrue(result.policy().get().statements().size() > 50_000);
  }

  @Test
  void stopsCheckingAfterTheErrorBoundWithoutThrowing() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("allow tcp ").append(70_000 + i).append(" from nowhere").append(i).append(";\n");
    }
    Frontend result = run("many.swfw", text.toString());
    assertTrue(result.diagnostics().truncated());
    assertEquals(10_000, result.diagnostics().errorCount());
  }

  @Test
  void keepsErrorsOfALaterIncludeOnceTheBoundIsReached() throws IOException {
    // The first include fills the bound; the second still has errors, and its broken tree must not be built.
    Files.writeString(dir.resolve("a.swfw"), "allow tcp 22 from ;\n".repeat(200));
    Files.writeString(dir.resolve("b.swfw"), "allow tcp 22 from ;\nnode {\n");
    Frontend result = run("root.swfw", "include \"a.swfw\";\ninclude \"b.swfw\";\n");
    assertTrue(result.diagnostics().truncated());
    assertTrue(result.diagnostics().errorCount() > 200);
  }
}
