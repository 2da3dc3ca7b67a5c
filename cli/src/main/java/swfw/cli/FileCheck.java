package swfw.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.explain.Expectations;
import swfw.compiler.lint.LintReport;
import swfw.compiler.lint.Lints;
import swfw.compiler.lint.Suppressed;
import swfw.diag.Diagnostic;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/**
 * Everything {@code swfw check} says about one policy file: the front end's, the compiler's, the
 * expectations' and the lints' diagnostics in source order, and the findings that were suppressed
 * (with a reason in the policy) or overridden ({@code --allow-lockout}).
 */
record FileCheck(Path file, Frontend front, List<Diagnostic> diagnostics, List<Suppressed> suppressed,
    List<Diagnostic> overridden) {
  static final String LOCKOUT = "SW4001";
  static final String OVERRIDE_REASON = "--allow-lockout";

  FileCheck {
    diagnostics = List.copyOf(diagnostics);
    suppressed = List.copyOf(suppressed);
    overridden = List.copyOf(overridden);
  }

  /** A phase never runs on broken input from the one before: no compiling after front-end errors. */
  static FileCheck run(Path file, boolean allowLockout) {
    Frontend front = Frontend.run(file);
    List<Diagnostic> all = new ArrayList<>(front.diagnostics().sorted());
    if (front.policy().isEmpty()) {
      return new FileCheck(file, front, all, List.of(), List.of());
    }
    Diagnostics compileDiags = new Diagnostics();
    Optional<CompiledPolicy> compiled = Compiler.compile(front.policy().get(), compileDiags);
    all.addAll(compileDiags.sorted());
    if (compiled.isEmpty()) {
      return new FileCheck(file, front, all, List.of(), List.of());
    }
    all.addAll(Expectations.check(compiled.get(), Compiler.locations(file)));
    LintReport lints = Lints.run(front.loaded(), front.policy().get(), compiled.get());
    List<Diagnostic> overridden = new ArrayList<>();
    for (Diagnostic d : lints.findings()) {
      (allowLockout && d.code().equals(LOCKOUT) ? overridden : all).add(d);
    }
    all.sort(Lints.SOURCE_ORDER);
    return new FileCheck(file, front, all, lints.suppressed(), overridden);
  }

  int errors() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  int warnings() {
    return diagnostics.size() - errors();
  }
}
