package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FmtCommandTest {
  private static final String MESSY = "node  m {\nallow tcp 22;# ssh\n\n\n}\n";
  private static final String FORMATTED = "node m {\n  allow tcp 22;  # ssh\n}\n";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String stdin = "";

  private int run(String... args) {
    CommandLine cl = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true));
    FmtCommand fmt = cl.getSubcommands().get("fmt").getCommand();
    fmt.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return cl.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void rewritesFilesInPlaceAndNamesThem() throws IOException {
    Path messy = write("a.swfw", MESSY);
    Path tidy = write("b.swfw", FORMATTED);
    assertEquals(0, run("fmt", messy.toString(), tidy.toString()));
    assertEquals(FORMATTED, Files.readString(messy));
    assertEquals(messy + "\n", out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void leavesAFormattedFileUntouched() throws IOException {
    Path tidy = write("a.swfw", FORMATTED);
    FileTime before = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(tidy, before);
    assertEquals(0, run("fmt", tidy.toString()));
    assertEquals(before, Files.getLastModifiedTime(tidy), "the file was written again");
    assertEquals(FORMATTED, Files.readString(tidy));
    assertEquals("", out.toString());
  }

  @Test
  void checkChangesNothingAndNamesTheFilesThatWouldChange() throws IOException {
    Path messy = write("a.swfw", MESSY);
    Path tidy = write("b.swfw", FORMATTED);
    assertEquals(1, run("fmt", "--check", messy.toString(), tidy.toString()));
    assertEquals(MESSY, Files.readString(messy));
    assertEquals(messy + "\n", out.toString());
  }

  @Test
  void checkPassesWhenEverythingIsFormatted() throws IOException {
    assertEquals(0, run("fmt", "--check", write("b.swfw", FORMATTED).toString()));
    assertEquals("", out.toString());
  }

  @Test
  void formatsStandardInputToStandardOutput() {
    stdin = MESSY;
    assertEquals(0, run("fmt", "-"));
    assertEquals(FORMATTED, out.toString());
  }

  @Test
  void writesFormattedStandardInputUnchanged() {
    stdin = FORMATTED;
    assertEquals(0, run("fmt", "-"));
    assertEquals(FORMATTED, out.toString());
  }

  @Test
  void checksStandardInput() {
    stdin = MESSY;
    assertEquals(1, run("fmt", "--check", "-"));
    assertEquals("<stdin>\n", out.toString());
  }

  @Test
  void refusesAFileWithSyntaxErrorsAndLeavesItAlone() throws IOException {
    String broken = "allow   tcp 22\nallow tcp 80;\n";
    Path file = write("bad.swfw", broken);
    Path messy = write("a.swfw", MESSY);
    assertEquals(1, run("fmt", file.toString(), messy.toString()));
    assertEquals(broken, Files.readString(file));
    assertEquals(FORMATTED, Files.readString(messy), "the other files are still formatted");
    assertTrue(err.toString().startsWith(file + ":1:"), err.toString());
    assertTrue(err.toString().contains("error[SW0002]"), err.toString());
    assertTrue(err.toString().endsWith(file + ": 1 error; not formatted\n"), err.toString());
    assertEquals(messy + "\n", out.toString());
  }

  @Test
  void refusesStandardInputWithSyntaxErrors() {
    stdin = "allow tcp 22";
    assertEquals(1, run("fmt", "-"));
    assertEquals("", out.toString());
    assertTrue(err.toString().startsWith("<stdin>:1:"), err.toString());
  }

  @Test
  void formatsEveryPolicyBelowAFolder() throws IOException {
    Path a = write("x/a.swfw", MESSY);
    Path b = write("x/y/b.swfw", MESSY);
    Path other = write("x/notes.txt", MESSY);
    assertEquals(0, run("fmt", dir.resolve("x").toString()));
    assertEquals(a + "\n" + b + "\n", out.toString());
    assertEquals(MESSY, Files.readString(other));
  }

  @Test
  void refusesToRewriteBytesThatAreNotUtf8() throws IOException {
    byte[] bytes = "allow tcp 22;   # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.swfw");
    Files.write(file, bytes);
    assertEquals(1, run("fmt", file.toString()));
    assertArrayEquals(bytes, Files.readAllBytes(file));
    assertEquals("swfw: error: cannot format '" + file + "': it is not UTF-8 text\n", err.toString());
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("missing.swfw");
    assertEquals(1, run("fmt", missing.toString()));
    assertEquals("swfw: error: cannot read '" + missing + "': no such file\n", err.toString());
  }

  @Test
  void needsAtLeastOneFile() {
    assertEquals(2, run("fmt"));
    assertTrue(err.toString().contains("Missing required parameter"), err.toString());
  }
}
