package swfw.compiler.lint;

import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.dsl.check.Resolved;

/**
 * SW4004: a rule made pointless by an earlier rule with another verdict that matches every packet it
 * would: a deny after an allow that already accepts its traffic, or an allow after a deny that drops it.
 */
final class OverriddenRule implements Lint {
  static final String CODE = "SW4004";

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
    return "rule never matches: an earlier rule with another verdict decides every packet it would";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    Coverage.Result result = policy.shared(Coverage.Result.class, Coverage::of);
    for (Coverage.Covered c : result.of(Coverage.Kind.OVERRIDDEN)) {
      Resolved.Filter mine = policy.filters().get(c.statement());
      String kind = CoverageMessages.kindOf(mine);
      String first = policy.location(c.coverers().get(0));
      String hint = "move it above " + first + " if " + wanted(mine, policy.filters().get(c.coverers().get(0)))
          + ", or remove it";
      out.add(Diagnostic.warning(CODE, c.statement(), "this " + kind + " never matches: "
          + CoverageMessages.coverers(policy, c),
          CoverageMessages.withLimitNote(result.limited().get(c.statement()), hint)));
    }
  }

  /** What the author presumably meant by the rule that never matches. */
  private static String wanted(Resolved.Filter mine, Resolved.Filter first) {
    String verdict = Coverage.verdict(mine);
    String theirs = Coverage.verdict(first);
    if (verdict.equals("accept")) {
      return "this traffic should get in";
    }
    if (!theirs.equals("accept")) {
      return "these packets should be " + (verdict.equals("reject") ? "rejected" : "dropped") + " rather than "
          + (theirs.equals("reject") ? "rejected" : "dropped");
    }
    return "this traffic should be refused";
  }
}
