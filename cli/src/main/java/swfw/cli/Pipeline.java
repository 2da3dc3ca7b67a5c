package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/** Front end and compiler for the verbs that need a compiled policy; diagnostics go to stderr. */
final class Pipeline {
  private Pipeline() {}

  record Compiled(Frontend front, CompiledPolicy policy) {}

  /** The compiled policy, or a UserError (exit 1) after printing why there is none. */
  static Compiled compile(Path file, PrintWriter err) {
    Frontend front = Frontend.run(file);
    Reporter.report(front, err, false);
    if (front.policy().isEmpty()) {
      throw new UserError(ExitCodes.POLICY, file + " has errors");
    }
    Diagnostics diags = new Diagnostics();
    var compiled = Compiler.compile(front.policy().get(), diags);
    err.print(front.renderer().renderAll(diags.sorted()));
    err.flush();
    return new Compiled(front, compiled.orElseThrow(() -> new UserError(ExitCodes.POLICY, file + " has errors")));
  }
}
