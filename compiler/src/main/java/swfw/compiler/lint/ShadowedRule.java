package swfw.compiler.lint;

import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;

/**
 * SW4002: a rule that can never match, because earlier rules with the same verdict match every packet
 * it would (same or broader protocol, ports, addresses and interfaces): it has no effect.
 */
final class ShadowedRule implements Lint {
  static final String CODE = "SW4002";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "rule never matches: earlier rules with the same verdict already match every packet it would";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    Coverage.Result result = policy.shared(Coverage.Result.class, Coverage::of);
    for (Coverage.Covered c : result.of(Coverage.Kind.SHADOWED)) {
      String kind = CoverageMessages.kindOf(policy.filters().get(c.statement()));
      out.add(Diagnostic.warning(CODE, c.statement(), "this " + kind + " never matches: "
          + CoverageMessages.coverers(policy, c),
          CoverageMessages.withLimitNote(result.limited().get(c.statement()),
              "remove it, or move it above the broader rule if it was meant to narrow or limit it")));
    }
  }
}
