package swfw.dsl.ast;

import java.util.Optional;
import swfw.diag.Span;

/** One element of a port list, an address list or a set literal, as written. */
public sealed interface Item permits Item.Addr, Item.Port, Item.Name, Item.AnyAddr {
  Span span();

  /** {@code 10.0.0.0/8} or {@code 2001:db8::/32}: the text, checked later. */
  record Addr(Span span, String text, boolean v6) implements Item {}

  /** {@code 22} or {@code 8000-8100}: the digits as written, so overflow is a diagnostic, not a crash. */
  record Port(Span span, String low, Optional<String> high) implements Item {}

  /** A reference to a {@code let}, a well-known port name or an ICMP type name. */
  record Name(Span span, String text) implements Item {}

  /** {@code any} as an address: every address of both families. */
  record AnyAddr(Span span) implements Item {}
}
