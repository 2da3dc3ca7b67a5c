package swfw.cli;

import java.io.PrintWriter;
import swfw.diag.Diagnostics;

/** {@code swfw check}'s default output: rendered diagnostics and a summary line per file, on standard error. */
final class TextReport {
  private TextReport() {}

  static void print(FileCheck c, PrintWriter err) {
    err.print(c.front().renderer().renderAll(c.diagnostics()));
    if (c.front().diagnostics().truncated()) {
      err.println("note: too many errors; only the first " + Diagnostics.MAX_ERRORS + " are shown");
    }
    if (c.errors() > 0 || c.warnings() > 0) {
      String summary = Reporter.summary(c.file().toString(), c.errors(), c.warnings());
      err.println(c.suppressed().isEmpty() ? summary : summary + " (" + c.suppressed().size() + " suppressed)");
    }
    err.flush();
  }

  /** Loud on purpose: an overridden lockout check is said on standard error whatever the format. */
  static void printOverridden(FileCheck c, PrintWriter err) {
    c.overridden().forEach(d -> err.println("swfw: warning: the lockout check was overridden (--allow-lockout): "
        + d.span() + ": " + d.message()));
    err.flush();
  }
}
