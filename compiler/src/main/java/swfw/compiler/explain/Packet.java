package swfw.compiler.explain;

import java.util.Optional;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * A packet as the netfilter model sees it.
 *
 * @param path to the host (INPUT), forwarded to a container (DOCKER-USER), or sent by the host (OUTPUT)
 * @param iface the interface it arrives on (INPUT, FORWARD) or leaves by (OUTPUT)
 * @param dst for a forwarded packet, the node address before Docker's DNAT (what --ctorigdst sees; swfw
 *     matches no post-DNAT destination there)
 * @param dstPort for a forwarded packet, the port before Docker's DNAT (what --ctorigdstport sees)
 * @param icmpType ICMP or ICMPv6 type, when the protocol is one
 */
public record Packet(Family family, Path path, Protocol protocol, Cidr src, Cidr dst, int srcPort, int dstPort,
    Optional<Integer> icmpType, String iface, CtState state, int hopLimit) {
  public enum Path {
    INPUT("to the host"),
    FORWARD("to a container"),
    OUTPUT("from the host");

    private final String label;

    Path(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum CtState {
    NEW,
    ESTABLISHED,
    RELATED,
    INVALID,
    UNTRACKED
  }

  public String describe() {
    boolean v6 = family == Family.V6 && protocol.hasPorts();
    Cidr remote = path == Path.OUTPUT ? dst : src;
    int remotePort = path == Path.OUTPUT ? dstPort : srcPort;
    StringBuilder b = new StringBuilder(protocol.keyword()).append(' ')
        .append(v6 ? "[" + remote.address() + "]" : remote.address());
    if (protocol.hasPorts()) {
      b.append(':').append(remotePort);
    }
    b.append(path == Path.OUTPUT ? " <- " : " -> ").append(iface);
    if (protocol.hasPorts()) {
      b.append(':').append(path == Path.OUTPUT ? srcPort : dstPort);
    }
    icmpType.ifPresent(t -> b.append(" type ").append(t));
    return b.append(" (").append(family == Family.V4 ? "IPv4" : "IPv6").append(", ")
        .append(state.name().toLowerCase(java.util.Locale.ROOT)).append(", ").append(path.label()).append(')').toString();
  }
}
