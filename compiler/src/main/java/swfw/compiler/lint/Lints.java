package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import swfw.compiler.CompiledPolicy;
import swfw.diag.Diagnostic;
import swfw.diag.Diagnostics;
import swfw.diag.SourceFile;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.load.LoadedPolicy;

/** Runs the lints of {@link LintRegistry} on a compiled policy and applies the suppression directives. */
public final class Lints {
  private Lints() {}

  /** Every lint's findings, minus those suppressed with a reason, plus problems with the directives. */
  public static LintReport run(LoadedPolicy loaded, CheckedPolicy checked, CompiledPolicy compiled) {
    LintContext context = new LintContext(loaded, checked, compiled);
    List<Diagnostic> findings = new ArrayList<>();
    for (Lint lint : LintRegistry.all()) {
      lint.check(context, findings);
    }
    LintReport report = Suppressions.read(checked.sources()).apply(findings);
    List<Diagnostic> sorted = new ArrayList<>(report.findings());
    sorted.sort(SOURCE_ORDER);
    List<Suppressed> suppressed = new ArrayList<>(report.suppressed());
    suppressed.sort(BY_FINDING);
    return new LintReport(sorted, suppressed);
  }

  /**
   * File, line, column, then code: the order findings are shown in. Classes rather than
   * {@code Comparator.comparing(...)}, whose lambdas would be spun at run time on every start.
   */
  public static final Comparator<Diagnostic> SOURCE_ORDER = new Comparator<>() {
    @Override
    public int compare(Diagnostic a, Diagnostic b) {
      int byPosition = Diagnostics.SOURCE_ORDER.compare(a, b);
      return byPosition != 0 ? byPosition : a.code().compareTo(b.code());
    }
  };

  private static final Comparator<Suppressed> BY_FINDING = new Comparator<>() {
    @Override
    public int compare(Suppressed a, Suppressed b) {
      return SOURCE_ORDER.compare(a.finding(), b.finding());
    }
  };

  /**
   * The lockout check alone (SW4001), for {@code swfw push}: one error per inventory host that would be
   * locked out. No suppression applies: see {@link #lockout(CompiledPolicy, List)}.
   */
  public static List<Diagnostic> lockout(CompiledPolicy policy) {
    return LockedOutHost.find(policy);
  }

  /** The lockout check for the given hosts (those push deploys to), without suppression. */
  public static List<Diagnostic> lockoutOf(CompiledPolicy policy, List<swfw.dsl.check.HostEntry> hosts) {
    return LockedOutHost.find(policy, hosts);
  }

  /** The lockout check, minus the hosts whose statement carries {@code # swfw:ignore SW4001 -- reason}. */
  public static List<Diagnostic> lockout(CompiledPolicy policy, List<SourceFile> sources) {
    return Suppressions.read(sources).apply(LockedOutHost.find(policy)).findings().stream()
        .filter(d -> d.code().equals(LockedOutHost.CODE)).toList();
  }
}
