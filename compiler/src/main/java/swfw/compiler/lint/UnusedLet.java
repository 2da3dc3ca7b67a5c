package swfw.compiler.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.dsl.ast.Clause;
import swfw.dsl.ast.Item;
import swfw.dsl.ast.LetValue;
import swfw.dsl.ast.Stmt;
import swfw.dsl.ast.Target;

/**
 * SW4009: a {@code let} that no statement uses, directly or through other lets that are used. A let
 * used only by unused lets is unused too.
 */
final class UnusedLet implements Lint {
  static final String CODE = "SW4009";

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
    return "a 'let' is defined but never used";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    Map<String, Stmt.Let> lets = new LinkedHashMap<>();
    Deque<String> used = new ArrayDeque<>();
    collect(policy.loaded().statements(), lets, used);
    Set<String> reached = new HashSet<>();
    while (!used.isEmpty()) {
      String name = used.pop();
      Stmt.Let let = lets.get(name);
      if (let != null && reached.add(name)) {
        used.addAll(names(let.value()));
      }
    }
    for (Stmt.Let let : lets.values()) {
      if (!reached.contains(let.name().text())) {
        out.add(Diagnostic.warning(CODE, let.name().span(), "'" + let.name().text() + "' is defined but never used",
            "remove it, or use it in a rule"));
      }
    }
  }

  /** Lets by name (the first definition), and the names statements other than lets refer to. */
  private static void collect(List<Stmt> statements, Map<String, Stmt.Let> lets, Deque<String> used) {
    for (Stmt s : statements) {
      if (s instanceof Stmt.Let let) {
        lets.putIfAbsent(let.name().text(), let);
      } else if (s instanceof Stmt.Node n) {
        collect(n.body(), lets, used);
      } else if (s instanceof Stmt.Rule r) {
        names(r.target(), r.clauses(), used);
      } else if (s instanceof Stmt.Publish p) {
        names(p.target(), p.clauses(), used);
      } else if (s instanceof Stmt.Expect e) {
        names(e.target(), e.clauses(), used);
      }
    }
  }

  private static void names(Target target, List<Clause> clauses, Deque<String> used) {
    if (target instanceof Target.Service s) {
      used.add(s.name().text());
    } else if (target instanceof Target.Proto p) {
      used.addAll(names(p.ports()));
    }
    for (Clause c : clauses) {
      if (c instanceof Clause.From f) {
        used.addAll(names(f.addrs()));
      } else if (c instanceof Clause.To t) {
        used.addAll(names(t.addrs()));
      }
    }
  }

  private static List<String> names(LetValue value) {
    return value instanceof LetValue.Service s ? names(s.ports()) : names(((LetValue.Set) value).items());
  }

  private static List<String> names(List<Item> items) {
    return items.stream().filter(i -> i instanceof Item.Name).map(i -> ((Item.Name) i).text()).toList();
  }
}
