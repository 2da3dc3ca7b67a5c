package swfw.dsl.ast;

import java.util.List;
import java.util.Optional;
import swfw.diag.Span;

/** The qualifiers after a rule's target: {@code on}, {@code from}, {@code to}, {@code limit}. */
public sealed interface Clause permits Clause.On, Clause.From, Clause.To, Clause.Limit {
  Span span();

  record On(Span span, List<Iface> ifaces) implements Clause {
    public On {
      ifaces = List.copyOf(ifaces);
    }
  }

  record From(Span span, List<Item> addrs, boolean braced) implements Clause {
    public From {
      addrs = List.copyOf(addrs);
    }
  }

  record To(Span span, List<Item> addrs, boolean braced) implements Clause {
    public To {
      addrs = List.copyOf(addrs);
    }
  }

  /** {@code limit 8/second burst 16}; numbers kept as text so overflow is a diagnostic. */
  record Limit(Span span, String rate, Ident unit, Optional<String> burst) implements Clause {}
}
