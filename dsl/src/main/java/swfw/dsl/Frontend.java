package swfw.dsl;

import java.nio.file.Path;
import java.util.Optional;
import swfw.diag.DiagnosticRenderer;
import swfw.diag.Diagnostics;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.check.Checker;
import swfw.dsl.load.LoadedPolicy;
import swfw.dsl.load.PolicyLoader;

/** The front end in one call: load (with includes), parse, resolve and check. */
public record Frontend(LoadedPolicy loaded, Diagnostics diagnostics, Optional<CheckedPolicy> policy) {
  public static Frontend run(Path file) {
    Diagnostics diags = new Diagnostics();
    return finish(new PolicyLoader(diags).load(file), diags);
  }

  /** For text from standard input: {@code name} is what messages call it; includes resolve from its folder. */
  public static Frontend run(Path name, String text) {
    Diagnostics diags = new Diagnostics();
    return finish(new PolicyLoader(diags).load(name, text), diags);
  }

  private static Frontend finish(LoadedPolicy loaded, Diagnostics diags) {
    // A phase never runs on broken input from the one before: no checks after syntax errors.
    Optional<CheckedPolicy> checked = diags.hasErrors() ? Optional.empty() : Checker.check(loaded, diags);
    return new Frontend(loaded, diags, checked);
  }

  public DiagnosticRenderer renderer() {
    return new DiagnosticRenderer(loaded::source);
  }

  /** All diagnostics, rendered, in source order, with a closing note when some were dropped. */
  public String renderDiagnostics() {
    String text = renderer().renderAll(diagnostics.sorted());
    return diagnostics.truncated() ? text + "note: too many errors; only the first " + Diagnostics.MAX_ERRORS
        + " are shown\n" : text;
  }
}
