package swfw.compiler.lint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import swfw.compiler.explain.Packet;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Probe packets for asking the generated rules what they do, with sources chosen so that no verdict is
 * missed: one address from every class of addresses the node's rules tell apart.
 */
final class Probes {
  static final Cidr OUTSIDE_V4 = Addresses.parse("203.0.113.254").orElseThrow();
  static final Cidr OUTSIDE_V6 = Addresses.parse("2001:db8:ffff::fe").orElseThrow();
  static final Cidr HOST_V4 = Addresses.parse("192.0.2.1").orElseThrow();
  static final Cidr HOST_V6 = Addresses.parse("2001:db8:ffff::1").orElseThrow();
  private static final int SOURCE_PORT = 40000;

  private Probes() {}

  static Cidr outside(Family f) {
    return f == Family.V4 ? OUTSIDE_V4 : OUTSIDE_V6;
  }

  static Cidr someHost(Family f) {
    return f == Family.V4 ? HOST_V4 : HOST_V6;
  }

  /**
   * Addresses of {@code family}, {@code first} first, such that every address lies in the same networks
   * of {@code named} as one of them: the first address of each network and the one after its end, and 0.
   */
  static List<Cidr> classes(Family family, Collection<Cidr> named, Cidr first) {
    BigInteger max = Ranges.whole(family).high();
    Set<BigInteger> points = new TreeSet<>();
    points.add(BigInteger.ZERO);
    for (Cidr c : named) {
      if (c.family() != family) {
        continue;
      }
      Ranges.Range r = Ranges.of(c);
      points.add(r.low());
      if (r.high().compareTo(max) < 0) {
        points.add(r.high().add(BigInteger.ONE));
      }
    }
    Set<Cidr> out = new LinkedHashSet<>();
    out.add(first);
    points.forEach(p -> out.add(Ranges.address(family, p)));
    return List.copyOf(out);
  }

  /** The node's inbound rules of {@code family} that could match {@code protocol}/{@code port}. */
  static List<RuleIr> mayMatch(NodeIr node, Family family, Protocol protocol, int port) {
    List<RuleIr> out = new ArrayList<>();
    for (RuleIr r : node.rules(family, Direction.INBOUND)) {
      if (mayMatch(r, protocol, port)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The source networks of the node's inbound rules of {@code family} that could match {@code protocol}/{@code port}. */
  static List<Cidr> sourcesNamed(NodeIr node, Family family, Protocol protocol, int port) {
    return sources(mayMatch(node, family, protocol, port));
  }

  /** The source networks the rules name. */
  static List<Cidr> sources(List<RuleIr> rules) {
    List<Cidr> out = new ArrayList<>();
    for (RuleIr r : rules) {
      out.addAll(r.from());
    }
    return out;
  }

  /** The destination networks the rules name. */
  static List<Cidr> destinations(List<RuleIr> rules) {
    List<Cidr> out = new ArrayList<>();
    for (RuleIr r : rules) {
      out.addAll(r.to());
    }
    return out;
  }

  /** {@code Protocol.ANY} stands for an IP protocol other than tcp, udp and ICMP, e.g. ESP. */
  private static boolean mayMatch(RuleIr r, Protocol protocol, int port) {
    if (r.protocol() != Protocol.ANY && r.protocol() != protocol) {
      return false;
    }
    return r.ports().isEmpty() || r.ports().stream().anyMatch(p -> p.contains(port));
  }

  /** A new connection to the host: {@code Protocol.ANY} stands for another IP protocol, such as ESP. */
  static Packet inbound(Family family, Protocol protocol, Cidr src, Cidr dst, int port, String iface) {
    return new Packet(family, Packet.Path.INPUT, protocol, src, dst, SOURCE_PORT, protocol.hasPorts() ? port : 0,
        Optional.empty(), iface, Packet.CtState.NEW, 64);
  }
}
