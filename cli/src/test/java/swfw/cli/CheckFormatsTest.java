package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/** {@code swfw check} with the compiler, expectations and lints: the three formats, --allow-lockout, --strict. */
class CheckFormatsTest {
  private static final String FINDINGS = "src/test/resources/check/findings.swfw";
  private static final String CLEAN = "src/test/resources/check/clean.swfw";

  record Run(int exitCode, String out, String err) {}

  static Run swfw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void textGoesToStandardErrorWithASummary() {
    Run run = swfw("check", FINDINGS);
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    Approvals.verify(run.err());
  }

  @Test
  void sarifIsAGoldenFile() {
    Run run = swfw("check", "--format", "sarif", FINDINGS, CLEAN);
    assertEquals(1, run.exitCode());
    assertEquals("", run.err());
    Approvals.verify(run.out(), new Options().forFile().withExtension(".sarif.json"));
  }

  @Test
  void jsonListsDiagnosticsAndSuppressedFindings() {
    Run run = swfw("check", "--format", "json", FINDINGS);
    assertEquals(1, run.exitCode());
    Approvals.verify(run.out(), new Options().forFile().withExtension(".json"));
  }

  @Test
  void aCleanPolicyExitsZeroAndSaysNothing() {
    Run run = swfw("check", "--strict", CLEAN);
    assertEquals(new Run(0, "", ""), run);
  }

  @Test
  void warningsFailOnlyWithStrict() {
    String policy = "src/test/resources/check/warnings.swfw";
    assertEquals(0, swfw("check", policy).exitCode());
    assertEquals(1, swfw("check", "--strict", policy).exitCode());
  }

  @Test
  void allowLockoutTurnsTheLockoutIntoALoudLine() {
    Run plain = swfw("check", "src/test/resources/check/lockout.swfw");
    assertEquals(1, plain.exitCode());
    assertTrue(plain.err().contains("error[SW4001]"), plain.err());
    Run overridden = swfw("check", "--allow-lockout", "src/test/resources/check/lockout.swfw");
    assertEquals(0, overridden.exitCode(), overridden.err());
    assertEquals("swfw: warning: the lockout check was overridden (--allow-lockout): "
        + "src/test/resources/check/lockout.swfw:3:1: host 'a' would be locked out: node 'default' lets no SSH "
        + "connection in on tcp port 22\n", overridden.err());
    Run sarif = swfw("check", "--allow-lockout", "--format", "sarif", "src/test/resources/check/lockout.swfw");
    assertTrue(sarif.err().startsWith("swfw: warning: the lockout check was overridden"), sarif.err());
    assertFalse(sarif.out().contains("\"ruleId\": \"SW4001\""), sarif.out());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run run = swfw("check", "--format", "xml", CLEAN);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("swfw: unknown format 'xml': use text, json or sarif"), run.err());
  }

  @Test
  void aMissingFileIsADiagnosticNotAStackTrace() {
    Run run = swfw("check", "--format", "sarif", "src/test/resources/check/missing.swfw");
    assertEquals(1, run.exitCode());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(run.out().contains("\"results\": ["), run.out());
  }
}
