package swfw.compiler.lint;

import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;

/** SW4003: a rule identical to an earlier one (same match, same verdict) in every chain it lands in. */
final class DuplicateRule implements Lint {
  static final String CODE = "SW4003";

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
    return "duplicate rule: an earlier rule has the same match and verdict";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    Coverage.Result result = policy.shared(Coverage.Result.class, Coverage::of);
    for (Coverage.Covered c : result.of(Coverage.Kind.DUPLICATE)) {
      String kind = CoverageMessages.kindOf(policy.filters().get(c.statement()));
      out.add(Diagnostic.warning(CODE, c.statement(), "this " + kind + " duplicates the rule at "
          + policy.location(c.coverers().get(0)), "remove one of the two"));
    }
  }
}
