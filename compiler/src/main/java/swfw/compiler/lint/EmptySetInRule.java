package swfw.compiler.lint;

import java.util.List;
import java.util.Optional;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.Span;
import swfw.dsl.ast.Clause;
import swfw.dsl.ast.Item;
import swfw.dsl.ast.Stmt;
import swfw.dsl.check.Resolved;

/**
 * SW4008: a rule, publish or expectation whose {@code from} or {@code to} is an empty set: the rule
 * matches nothing and is left out of the generated rules; the expectation checks nothing.
 */
final class EmptySetInRule implements Lint {
  static final String CODE = "SW4008";

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
    return "an empty address set is used in a rule: the rule matches nothing";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    for (Resolved.Filter f : policy.filters().values()) {
      boolean emptyFrom = f.match().from().map(List::isEmpty).orElse(false);
      boolean emptyTo = f.match().to().map(List::isEmpty).orElse(false);
      if (!emptyFrom && !emptyTo) {
        continue;
      }
      String word = emptyFrom ? "from" : "to";
      Optional<Clause> clause = clause(policy, f.span(), emptyFrom);
      Span at = clause.map(Clause::span).orElse(f.span());
      String what = clause.map(c -> described(c, word)).orElse("the addresses after '" + word + "' are");
      if (f.verb().isExpectation()) {
        out.add(Diagnostic.warning(CODE, at, what + " an empty set, so this expectation checks nothing",
            "an expectation about no addresses always holds; add addresses to the set, or remove the expectation"));
      } else {
        out.add(Diagnostic.warning(CODE, at, what + " an empty set, so this rule matches nothing",
            "the rule is left out of the generated rules; add addresses to the set, or remove the rule"));
      }
    }
  }

  private static Optional<Clause> clause(LintContext policy, Span statement, boolean from) {
    Optional<Stmt> s = policy.statement(statement);
    List<Clause> clauses = s.map(EmptySetInRule::clauses).orElse(List.of());
    return clauses.stream().filter(c -> from ? c instanceof Clause.From : c instanceof Clause.To).findFirst();
  }

  private static List<Clause> clauses(Stmt s) {
    if (s instanceof Stmt.Rule r) {
      return r.clauses();
    }
    if (s instanceof Stmt.Publish p) {
      return p.clauses();
    }
    return s instanceof Stmt.Expect e ? e.clauses() : List.of();
  }

  /** "the set 'nobody' after 'from' is" for a lone name, else "the addresses after 'from' are". */
  private static String described(Clause c, String word) {
    List<Item> items = c instanceof Clause.From f ? f.addrs() : ((Clause.To) c).addrs();
    if (items.size() == 1 && items.get(0) instanceof Item.Name n) {
      return "the set '" + n.text() + "' after '" + word + "' is";
    }
    return "the addresses after '" + word + "' are";
  }
}
