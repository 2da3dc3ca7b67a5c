package swfw.compiler.lint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.diag.Span;
import swfw.dsl.ast.Stmt;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.check.Resolved;
import swfw.dsl.load.LoadedPolicy;

/**
 * What a lint reads: the policy as written (syntax trees), as checked (resolved statements) and as
 * compiled (intermediate policy and generated rules). Analyses several lints share are computed once.
 */
public final class LintContext {
  private final LoadedPolicy loaded;
  private final CheckedPolicy checked;
  private final CompiledPolicy compiled;
  private final Function<Span, String> location;
  private final Map<Class<?>, Object> shared = new HashMap<>();
  private Map<Span, Resolved.Filter> filters;
  private Map<Span, Stmt> statements;

  public LintContext(LoadedPolicy loaded, CheckedPolicy checked, CompiledPolicy compiled) {
    this.loaded = loaded;
    this.checked = checked;
    this.compiled = compiled;
    this.location = Compiler.locations(checked.root());
  }

  public LoadedPolicy loaded() {
    return loaded;
  }

  public CheckedPolicy checked() {
    return checked;
  }

  public CompiledPolicy compiled() {
    return compiled;
  }

  /** {@code main.swfw:12}: how a finding names another statement. */
  String location(Span span) {
    return location.apply(span);
  }

  /** An analysis several lints read, computed on first use. */
  <T> T shared(Class<T> type, Function<LintContext, T> compute) {
    Object known = shared.get(type);
    if (known == null) {
      known = compute.apply(this);
      shared.put(type, known);
    }
    return type.cast(known);
  }

  /** Rules, publish exceptions and expectations by their statement's span. */
  Map<Span, Resolved.Filter> filters() {
    if (filters == null) {
      filters = new LinkedHashMap<>();
      for (Resolved r : checked.statements()) {
        if (r instanceof Resolved.Filter f) {
          filters.put(f.span(), f);
        }
      }
    }
    return filters;
  }

  /** The statement as written whose span is {@code span}, inside node blocks too. */
  Optional<Stmt> statement(Span span) {
    if (statements == null) {
      statements = new HashMap<>();
      index(loaded.statements());
    }
    return Optional.ofNullable(statements.get(span));
  }

  private void index(List<Stmt> list) {
    for (Stmt s : list) {
      statements.put(s.span(), s);
      if (s instanceof Stmt.Node n) {
        index(n.body());
      }
    }
  }
}
