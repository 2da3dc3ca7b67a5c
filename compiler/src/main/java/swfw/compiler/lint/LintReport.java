package swfw.compiler.lint;

import java.util.List;
import swfw.diag.Diagnostic;

/** What the lints found: the findings to show (directive problems included) and those suppressed. */
public record LintReport(List<Diagnostic> findings, List<Suppressed> suppressed) {
  public LintReport {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
  }
}
