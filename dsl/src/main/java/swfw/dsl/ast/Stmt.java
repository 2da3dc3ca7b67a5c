package swfw.dsl.ast;

import java.util.List;
import java.util.Optional;
import swfw.diag.Span;

/** A statement of a policy file, as written. The AST mirrors the syntax; names are resolved later. */
public sealed interface Stmt
    permits Stmt.Let, Stmt.Include, Stmt.Node, Stmt.Host, Stmt.Public, Stmt.Trust, Stmt.Rule,
        Stmt.Publish, Stmt.Expect {
  Span span();

  <R> R accept(Visitor<R> v);

  interface Visitor<R> {
    R visitLet(Let s);

    R visitInclude(Include s);

    R visitNode(Node s);

    R visitHost(Host s);

    R visitPublic(Public s);

    R visitTrust(Trust s);

    R visitRule(Rule s);

    R visitPublish(Publish s);

    R visitExpect(Expect s);
  }

  /** {@code let NAME = VALUE;} */
  record Let(Span span, Ident name, LetValue value) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.visitLet(this);
    }
  }

  /** {@code include "file.swfw";} (relative to the including file). */
  record Include(Span span, String path, Span pathSpan) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.visitInclude(this);
    }
  }

  /** {@code node NAME { … }} or, with {@code oneStatement}, {@code node NAME STATEMENT}. */
  record Node(Span span, Ident name, List<Stmt> body, boolean oneStatement) implements Stmt {
    public Node {
      body = List.copyOf(body);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitNode(this);
    }
  }

  /** {@code host NAME role R address A …;}: an inventory entry. */
  record Host(Span span, Ident name, List<HostAttr> attrs) implements Stmt {
    public Host {
      attrs = List.copyOf(attrs);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitHost(this);
    }
  }

  /** {@code public eth0;}: a guarded interface, inbound dropped unless allowed. */
  record Public(Span span, List<Iface> ifaces) implements Stmt {
    public Public {
      ifaces = List.copyOf(ifaces);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitPublic(this);
    }
  }

  /** {@code trust ens11;}: an interface without restrictions. */
  record Trust(Span span, List<Iface> ifaces) implements Stmt {
    public Trust {
      ifaces = List.copyOf(ifaces);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitTrust(this);
    }
  }

  /** {@code allow|deny|reject [out] TARGET CLAUSES ["comment"];} */
  record Rule(Span span, Action action, boolean outbound, Target target, List<Clause> clauses,
      Optional<String> comment, Optional<Span> commentSpan) implements Stmt {
    public Rule {
      clauses = List.copyOf(clauses);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitRule(this);
    }
  }

  /** {@code publish TARGET CLAUSES ["comment"];}: a container-published port reachable from outside. */
  record Publish(Span span, Target target, List<Clause> clauses, Optional<String> comment,
      Optional<Span> commentSpan) implements Stmt {
    public Publish {
      clauses = List.copyOf(clauses);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitPublish(this);
    }
  }

  /** {@code expect accept|drop TARGET CLAUSES;}: a property the compiled rules must have. */
  record Expect(Span span, boolean accept, Target target, List<Clause> clauses,
      Optional<String> comment, Optional<Span> commentSpan) implements Stmt {
    public Expect {
      clauses = List.copyOf(clauses);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitExpect(this);
    }
  }
}
