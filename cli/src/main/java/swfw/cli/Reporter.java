package swfw.cli;

import java.io.PrintWriter;
import swfw.dsl.Frontend;

/** Prints a front end's diagnostics and decides the exit code for them. */
final class Reporter {
  private Reporter() {}

  /** Prints diagnostics to {@code err}; returns OK, or POLICY when there are errors (or warnings and strict). */
  static int report(Frontend result, PrintWriter err, boolean strict) {
    err.print(result.renderDiagnostics());
    int errors = result.diagnostics().errorCount();
    int warnings = result.diagnostics().warningCount();
    if (errors > 0 || warnings > 0) {
      err.println(summary(result.loaded().root().toString(), errors, warnings));
    }
    err.flush();
    return errors > 0 || strict && warnings > 0 ? ExitCodes.POLICY : ExitCodes.OK;
  }

  static String summary(String file, int errors, int warnings) {
    StringBuilder b = new StringBuilder(file).append(": ");
    if (errors > 0) {
      b.append(errors).append(errors == 1 ? " error" : " errors");
    }
    if (warnings > 0) {
      b.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    return b.toString();
  }
}
