package swfw.cli;

import java.util.List;
import java.util.Optional;
import swfw.compiler.explain.Packet;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;

/**
 * Parses the packet of {@code swfw explain}: {@code PROTO REMOTE[:PORT] -> IFACE[:PORT] [ICMP-TYPE]},
 * e.g. {@code tcp 203.0.113.5:40000 -> eth0:8080}, {@code tcp [2001:db8::5]:40000 -> eth0:22},
 * {@code icmp 198.51.100.7 -> eth0 echo-request}.
 */
final class PacketSpec {
  private PacketSpec() {}

  static Packet parse(List<String> words, Packet.Path path, Packet.CtState state, Optional<String> local) {
    if (words.size() < 4 || !(words.get(2).equals("->") || words.get(2).equals("to"))) {
      throw usage("expected PROTO REMOTE[:PORT] -> IFACE[:PORT], e.g. tcp 203.0.113.5:40000 -> eth0:8080");
    }
    Protocol proto = protocol(words.get(0));
    String[] remote = hostPort(words.get(1));
    String[] iface = words.get(3).split(":", 2);
    Cidr remoteAddr = Addresses.parse(remote[0]).filter(c -> c.prefix() == c.bits())
        .orElseThrow(() -> usage("'" + remote[0] + "' is not an IP address"));
    Family family = remoteAddr.family();
    Cidr localAddr = local.map(a -> Addresses.parse(a).orElseThrow(() -> usage("'" + a + "' is not an IP address")))
        .orElse(Addresses.parse(family == Family.V4 ? "192.0.2.1" : "2001:db8:ffff::1").orElseThrow());
    if (localAddr.family() != family) {
      throw usage("the two addresses are of different families");
    }
    int remotePort = remote[1] == null ? 40000 : port(remote[1]);
    int localPort = iface.length > 1 ? port(iface[1]) : 0;
    if (proto.hasPorts() && iface.length < 2) {
      throw usage("give the port: " + words.get(3) + ":PORT");
    }
    Optional<Integer> icmp = Optional.empty();
    if (proto.isIcmp()) {
      Family icmpFamily = proto == Protocol.ICMP ? Family.V4 : Family.V6;
      if (icmpFamily != family) {
        throw usage(proto.keyword() + " needs an " + (icmpFamily == Family.V4 ? "IPv4" : "IPv6") + " address");
      }
      String type = words.size() > 4 ? words.get(4) : "echo-request";
      icmp = Optional.of(type.chars().allMatch(Character::isDigit) ? Integer.parseInt(type)
          : IcmpType.byName(family, type).orElseThrow(() -> usage("unknown " + proto.keyword() + " type '" + type + "'")).type());
    }
    boolean out = path == Packet.Path.OUTPUT;
    return new Packet(family, path, proto, out ? localAddr : remoteAddr, out ? remoteAddr : localAddr,
        out ? localPort : remotePort, out ? remotePort : localPort, icmp, iface[0], state, 255);
  }

  private static Protocol protocol(String word) {
    return switch (word) {
      case "tcp" -> Protocol.TCP;
      case "udp" -> Protocol.UDP;
      case "icmp" -> Protocol.ICMP;
      case "icmpv6" -> Protocol.ICMPV6;
      default -> throw usage("unknown protocol '" + word + "': tcp, udp, icmp or icmpv6");
    };
  }

  /** {@code 1.2.3.4:80}, {@code 1.2.3.4}, {@code [2001:db8::1]:80}, {@code 2001:db8::1}. */
  private static String[] hostPort(String s) {
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        throw usage("missing ']' in '" + s + "'");
      }
      String port = end + 1 < s.length() && s.charAt(end + 1) == ':' ? s.substring(end + 2) : null;
      return new String[] {s.substring(1, end), port};
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
      return new String[] {s.substring(0, colon), s.substring(colon + 1)};
    }
    return new String[] {s, null};
  }

  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit) || Integer.parseInt(s) > 65535) {
      throw usage("'" + s + "' is not a port");
    }
    return Integer.parseInt(s);
  }

  private static UserError usage(String message) {
    return new UserError(ExitCodes.USAGE, message);
  }
}
