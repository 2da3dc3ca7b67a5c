package swfw.compiler.lint;

import swfw.diag.Severity;

/** A lint code as the docs and SARIF's rule list show it. */
public record LintCode(String code, Severity severity, String summary) {}
