package swfw.compiler.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.diag.Diagnostic;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/** Front end, compiler and lints on one policy, as {@code swfw check} runs them. */
record LintRun(Frontend front, Optional<CompiledPolicy> compiled, List<Diagnostic> all, LintReport report) {
  static LintRun of(Path file) {
    return finish(Frontend.run(file));
  }

  static LintRun of(String text) {
    return finish(Frontend.run(Path.of("test.swfw"), text));
  }

  private static LintRun finish(Frontend front) {
    List<Diagnostic> all = new ArrayList<>(front.diagnostics().sorted());
    if (front.policy().isEmpty()) {
      return new LintRun(front, Optional.empty(), all, new LintReport(List.of(), List.of()));
    }
    Diagnostics diags = new Diagnostics();
    Optional<CompiledPolicy> compiled = Compiler.compile(front.policy().get(), diags);
    all.addAll(diags.sorted());
    LintReport report = compiled.map(c -> Lints.run(front.loaded(), front.policy().get(), c))
        .orElse(new LintReport(List.of(), List.of()));
    all.addAll(report.findings());
    all.sort(Lints.SOURCE_ORDER);
    return new LintRun(front, compiled, List.copyOf(all), report);
  }

  /** Every diagnostic rendered, then one line per suppressed finding. */
  String rendered() {
    StringBuilder b = new StringBuilder(front.renderer().renderAll(all));
    for (Suppressed s : report.suppressed()) {
      b.append("suppressed: ").append(s.finding().span()).append(' ').append(s.finding().code()).append(" by ")
          .append(s.directive()).append(" -- ").append(s.reason()).append('\n');
    }
    return b.toString();
  }

  /** {@code SW4002@12} per diagnostic, in source order: what unit tests compare. */
  List<String> codes() {
    return all.stream().map(d -> d.code() + "@" + d.span().line()).toList();
  }
}
