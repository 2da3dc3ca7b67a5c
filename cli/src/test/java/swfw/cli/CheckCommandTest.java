package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swfw check}: exit codes 0 / 1 / 2, diagnostics on standard error, nothing on standard output. */
class CheckCommandTest {
  private static final Path CLUSTER = Path.of("../examples/swarm/cluster.swfw");

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run swfw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path policy(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void passesTheClusterExampleSilently() {
    Run run = swfw("check", CLUSTER.toString());
    assertEquals(new Run(0, "", ""), run);
  }

  @Test
  void failsWithExitCodeOneOnErrors() throws IOException {
    Path file = policy("bad.swfw", "public eth0;\nallow tcp 70000;\nallow tcp 22 from admns;\n");
    Run run = swfw("check", file.toString());
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(file + ":2:11: error[SW2001]: port 70000 is out of range 0-65535\n"
        + " 2 | allow tcp 70000;\n"
        + "   |           ^~~~~\n"
        + file + ":3:19: error[SW1001]: unknown address set 'admns'\n"
        + " 3 | allow tcp 22 from admns;\n"
        + "   |                   ^~~~~\n"
        + "   = help: define it with 'let admns = …;'\n"
        + file + ": 2 errors\n", run.err());
  }

  @Test
  void passesWithWarnings() throws IOException {
    Path file = policy("warn.swfw", "public eth0;\nallow tcp 22 from 192.168.1.10/24;\n");
    Run run = swfw("check", file.toString());
    assertEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(file + ":2:19: warning[SW2004]: '192.168.1.10/24' has host bits set"), run.err());
    assertTrue(run.err().endsWith(file + ": 1 warning\n"), run.err());
  }

  @Test
  void failsOnWarningsWhenStrict() throws IOException {
    Path file = policy("warn.swfw", "public eth0;\nallow tcp 22 from 192.168.1.10/24;\n");
    Run run = swfw("check", "--strict", file.toString());
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("warning[SW2004]"), run.err());
  }

  @Test
  void strictPassesACleanPolicy() {
    assertEquals(new Run(0, "", ""), swfw("check", "--strict", CLUSTER.toString()));
  }

  @Test
  void reportsErrorsAndWarningsOfOneFileTogether() throws IOException {
    Path file = policy("both.swfw", "public eth0;\nallow tcp 22 from 10.0.0.1/8;\nallow tcp 8100-8000;\n");
    Run run = swfw("check", file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().endsWith(file + ": 1 error, 1 warning\n"), run.err());
  }

  @Test
  void checksEveryFileAndExitsWithTheWorstResult() throws IOException {
    Path bad = policy("bad.swfw", "allow tcp 70000;\n");
    Run run = swfw("check", CLUSTER.toString(), bad.toString());
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains(bad + ":1:11: error[SW2001]"), run.err());
    assertFalse(run.err().contains("cluster.swfw"), run.err());
  }

  @Test
  void reportsAMissingFileAsAPolicyError() {
    Path missing = dir.resolve("missing.swfw");
    Run run = swfw("check", missing.toString());
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(missing + ": error[SW1006]: cannot read '" + missing + "': no such file\n" + missing + ": 1 error\n",
        run.err());
  }

  @Test
  void reportsBinaryDataWithoutPrintingIt() throws IOException {
    Path file = dir.resolve("image.swfw");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
    Run run = swfw("check", file.toString());
    assertEquals(1, run.exitCode());
    assertEquals(file + ": error[SW0008]: this is not a policy file: it holds binary data\n"
        + "   = help: policy files are UTF-8 text\n" + file + ": 1 error\n", run.err());
  }

  @Test
  void needsAFile() {
    Run run = swfw("check");
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("Missing required parameter"), run.err());
    assertTrue(run.err().contains("swfw check --help"), run.err());
  }

  @Test
  void rejectsAnUnknownOption() {
    Run run = swfw("check", "--stirct", CLUSTER.toString());
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("Unknown option: '--stirct'"), run.err());
  }

  @Test
  void listsTheExitCodesInItsHelp() {
    Run run = swfw("check", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("--strict"), run.out());
    assertTrue(run.out().contains("2  usage error"), run.out());
  }
}
