package swfw.compiler.lint;

import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;

/**
 * One check of a compiled policy, named for the problem it finds. Each has a stable code (SW4xxx),
 * documented in docs/lints.md, and reports findings at the statement to blame, with a fix hint.
 */
public interface Lint {
  /** The stable code, {@code SW4xxx}. */
  String code();

  Severity severity();

  /** One line saying what the finding means, for docs and SARIF's {@code shortDescription}. */
  String summary();

  /** Adds this check's findings about {@code policy} to {@code out}. */
  void check(LintContext policy, List<Diagnostic> out);

  default LintCode describe() {
    return new LintCode(code(), severity(), summary());
  }
}
