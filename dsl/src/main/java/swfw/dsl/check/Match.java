package swfw.dsl.check;

import java.util.List;
import java.util.Optional;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * What a resolved statement matches. An empty {@code from}/{@code to} means any address; a present but
 * empty list (an empty set) matches nothing. Empty {@code ports}/{@code icmpTypes}: every port or type.
 */
public record Match(Protocol protocol, List<PortRange> ports, List<IcmpType> icmpTypes, List<String> ifaces,
    Optional<List<Cidr>> from, Optional<List<Cidr>> to, Optional<Rate> limit) {
  public Match {
    ports = List.copyOf(ports);
    icmpTypes = List.copyOf(icmpTypes);
    ifaces = List.copyOf(ifaces);
    from = copyOf(from);
    to = copyOf(to);
  }

  /** An unmodifiable copy, {@code addresses} itself when it is one already (no new Optional per rule). */
  private static Optional<List<Cidr>> copyOf(Optional<List<Cidr>> addresses) {
    if (addresses.isEmpty()) {
      return addresses;
    }
    List<Cidr> copy = List.copyOf(addresses.get());
    return copy == addresses.get() ? addresses : Optional.of(copy);
  }
}
