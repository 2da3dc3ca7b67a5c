package swfw.dsl.ast;

import java.util.List;
import swfw.diag.Span;

/** The right-hand side of a {@code let}. */
public sealed interface LetValue permits LetValue.Service, LetValue.Set {
  Span span();

  /** {@code tcp { 80, 443 }}: a protocol with ports (or ICMP types). */
  record Service(Span span, Protocol protocol, List<Item> ports, boolean braced) implements LetValue {
    public Service {
      ports = List.copyOf(ports);
    }
  }

  /** {@code { 10.0.0.0/8, 2001:db8::/32 }}, {@code { 80, 8000-8100 }} or a single address. */
  record Set(Span span, List<Item> items, boolean braced) implements LetValue {
    public Set {
      items = List.copyOf(items);
    }
  }
}
