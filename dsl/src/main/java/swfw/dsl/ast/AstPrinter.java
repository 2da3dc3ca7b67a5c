package swfw.dsl.ast;

import java.util.List;
import swfw.diag.Span;

/** A readable dump of the AST with positions, for approval tests and {@code swfw check --dump-ast}. */
public final class AstPrinter implements Stmt.Visitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private int depth;
  private java.nio.file.Path file;

  public static String print(List<Stmt> statements) {
    AstPrinter p = new AstPrinter();
    statements.forEach(s -> s.accept(p));
    return p.out.toString();
  }

  private void line(Span span, String text) {
    if (!span.file().equals(file)) {
      file = span.file();
      out.append("== ").append(file.toString().replace('\\', '/')).append('\n');
    }
    out.append("  ".repeat(depth)).append(span.line()).append(':').append(span.column()).append(' ').append(text).append('\n');
  }

  @Override
  public Void visitLet(Stmt.Let s) {
    String value = s.value() instanceof LetValue.Service sv
        ? "service " + sv.protocol().keyword() + " " + items(sv.ports())
        : "set " + items(((LetValue.Set) s.value()).items());
    line(s.span(), "let " + s.name().text() + " = " + value);
    return null;
  }

  @Override
  public Void visitInclude(Stmt.Include s) {
    line(s.span(), "include \"" + s.path() + "\"");
    return null;
  }

  @Override
  public Void visitNode(Stmt.Node s) {
    line(s.span(), "node " + s.name().text() + (s.oneStatement() ? " (one statement)" : ""));
    depth++;
    s.body().forEach(b -> b.accept(this));
    depth--;
    return null;
  }

  @Override
  public Void visitHost(Stmt.Host s) {
    StringBuilder b = new StringBuilder("host " + s.name().text());
    for (HostAttr a : s.attrs()) {
      b.append(' ').append(a.kind().keyword()).append('=').append(a.value());
    }
    line(s.span(), b.toString());
    return null;
  }

  @Override
  public Void visitPublic(Stmt.Public s) {
    line(s.span(), "public " + ifaces(s.ifaces()));
    return null;
  }

  @Override
  public Void visitTrust(Stmt.Trust s) {
    line(s.span(), "trust " + ifaces(s.ifaces()));
    return null;
  }

  @Override
  public Void visitRule(Stmt.Rule s) {
    line(s.span(), s.action().keyword() + (s.outbound() ? " out" : "") + target(s.target()) + clauses(s.clauses())
        + comment(s.comment()));
    return null;
  }

  @Override
  public Void visitPublish(Stmt.Publish s) {
    line(s.span(), "publish" + target(s.target()) + clauses(s.clauses()) + comment(s.comment()));
    return null;
  }

  @Override
  public Void visitExpect(Stmt.Expect s) {
    line(s.span(), "expect " + (s.accept() ? "accept" : "drop") + target(s.target()) + clauses(s.clauses())
        + comment(s.comment()));
    return null;
  }

  private static String target(Target t) {
    if (t instanceof Target.Proto p) {
      return " proto=" + p.protocol().keyword() + (p.ports().isEmpty() ? "" : " ports=" + items(p.ports()));
    }
    if (t instanceof Target.Service s) {
      return " service=" + s.name().text();
    }
    if (t instanceof Target.UnknownProto u) {
      return " proto?=" + u.name().text() + " ports=" + items(u.ports());
    }
    return " proto=any";
  }

  private static String clauses(List<Clause> clauses) {
    StringBuilder b = new StringBuilder();
    for (Clause c : clauses) {
      if (c instanceof Clause.On on) {
        b.append(" on=").append(ifaces(on.ifaces()));
      } else if (c instanceof Clause.From f) {
        b.append(" from=").append(items(f.addrs()));
      } else if (c instanceof Clause.To t) {
        b.append(" to=").append(items(t.addrs()));
      } else if (c instanceof Clause.Limit l) {
        b.append(" limit=").append(l.rate()).append('/').append(l.unit().text())
            .append(l.burst().map(x -> " burst=" + x).orElse(""));
      }
    }
    return b.toString();
  }

  private static String items(List<Item> items) {
    StringBuilder b = new StringBuilder("[");
    for (Item i : items) {
      if (b.length() > 1) {
        b.append(", ");
      }
      if (i instanceof Item.Addr a) {
        b.append(a.text());
      } else if (i instanceof Item.Port p) {
        b.append(p.low()).append(p.high().map(h -> "-" + h).orElse(""));
      } else if (i instanceof Item.Name n) {
        b.append('$').append(n.text());
      } else {
        b.append("any");
      }
    }
    return b.append(']').toString();
  }

  private static String ifaces(List<Iface> ifaces) {
    StringBuilder b = new StringBuilder();
    for (Iface i : ifaces) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(i.quoted() ? "\"" + i.name() + "\"" : i.name());
    }
    return b.toString();
  }

  private static String comment(java.util.Optional<String> c) {
    return c.map(s -> " comment=\"" + s + "\"").orElse("");
  }
}
