package swfw.compiler;

import java.nio.file.Path;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/** Compiles policy text written inline in a test. */
public final class Policies {
  private Policies() {}

  public static CompiledPolicy compile(String text) {
    Frontend front = Frontend.run(Path.of("test.swfw"), text);
    if (front.policy().isEmpty()) {
      throw new AssertionError("policy has errors:\n" + front.renderDiagnostics());
    }
    Diagnostics diags = new Diagnostics();
    return Compiler.compile(front.policy().get(), diags)
        .orElseThrow(() -> new AssertionError("compile errors:\n" + front.renderer().renderAll(diags.sorted())));
  }

  /** Front end and compiler diagnostics, rendered. */
  public static String diagnostics(String text) {
    Frontend front = Frontend.run(Path.of("test.swfw"), text);
    if (front.policy().isEmpty()) {
      return front.renderDiagnostics();
    }
    Diagnostics diags = new Diagnostics();
    Compiler.compile(front.policy().get(), diags);
    return front.renderDiagnostics() + front.renderer().renderAll(diags.sorted());
  }
}
