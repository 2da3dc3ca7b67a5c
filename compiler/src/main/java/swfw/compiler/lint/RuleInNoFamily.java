package swfw.compiler.lint;

import java.util.List;
import swfw.compiler.ir.IrBuilder;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.dsl.check.Resolved;

/**
 * SW4011: a rule whose families are empty after filtering (e.g. only IPv6 addresses on an ICMP rule,
 * which is IPv4 only): the IR builder leaves it out of both families, so it does nothing. Empty sets are
 * {@link EmptySetInRule}'s; the checker rejects most other cases already (SW2008), this lint is the
 * backstop that keeps the IR builder from dropping a rule unseen.
 */
final class RuleInNoFamily implements Lint {
  static final String CODE = "SW4011";

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
    return "a rule lands in no address family: its addresses exclude every family its protocol has";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    for (Resolved.Filter f : policy.filters().values()) {
      boolean emptySet = f.match().from().map(List::isEmpty).orElse(false)
          || f.match().to().map(List::isEmpty).orElse(false);
      if (f.verb().isExpectation() || emptySet || !IrBuilder.landsIn(f.match()).isEmpty()) {
        continue;
      }
      out.add(Diagnostic.warning(CODE, f.span(), "this rule matches in neither IPv4 nor IPv6: its '"
          + f.match().protocol().keyword() + "' protocol and its addresses have no family in common",
          "the rule is left out of the generated rules; split it into one rule per family"));
    }
  }
}
