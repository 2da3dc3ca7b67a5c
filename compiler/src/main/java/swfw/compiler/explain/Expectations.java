package swfw.compiler.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.iptables.IptablesText;
import swfw.compiler.ir.ExpectIr;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Diagnostic;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.Match;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;

/**
 * Checks {@code expect} statements against the GENERATED rules, through {@link NetfilterModel}.
 *
 * <p>{@code expect accept} means reachable: every sample packet is admitted on the path to the host
 * or on the path to a container. {@code expect drop} means unreachable: every sample packet is refused
 * on both paths. Samples: each port (both ends of a range) or ICMP type, each interface (the {@code on}
 * list, else every guarded one), each source (the {@code from} networks, else an outside address and
 * every network the node's rules name), each destination likewise, in each family the statement can
 * match; all new connections.
 */
public final class Expectations {
  public static final String CODE = "SW4101";
  private static final Cidr OUTSIDE_V4 = Addresses.parse("203.0.113.254").orElseThrow();
  private static final Cidr OUTSIDE_V6 = Addresses.parse("2001:db8:ffff::fe").orElseThrow();
  private static final Cidr HOST_V4 = Addresses.parse("192.0.2.1").orElseThrow();
  private static final Cidr HOST_V6 = Addresses.parse("2001:db8:ffff::1").orElseThrow();
  private static final List<Integer> SAMPLE_PORTS = List.of(22, 80, 443, 8080);

  private Expectations() {}

  /** One error diagnostic per failed expectation, at the expect statement, naming the rule that decided. */
  public static List<Diagnostic> check(CompiledPolicy policy, java.util.function.Function<Span, String> location) {
    List<Diagnostic> out = new ArrayList<>();
    for (NodeIr node : policy.ir().nodes()) {
      CompiledNode compiled = policy.node(node.role()).orElseThrow();
      for (ExpectIr e : node.expectations()) {
        firstFailure(node, compiled, e).ifPresent(f -> out.add(diagnostic(node, e, f, location)));
      }
    }
    return out;
  }

  /** A sample packet the expectation does not hold for, with what happened to it. */
  public record Failure(Packet packet, Trace toHost, Trace toContainer) {}

  /** The first sample packet, in the order of {@link #samples}, the expectation does not hold for. */
  static Optional<Failure> firstFailure(NodeIr node, CompiledNode compiled, ExpectIr e) {
    boolean accept = e.statement().verb() == swfw.dsl.check.Resolved.Verb.EXPECT_ACCEPT;
    for (Batch b : batches(node, e.statement().match())) {
      NetfilterModel model = new NetfilterModel(compiled.ruleset(b.family()));
      Optional<Packet> failing = b.firstFailing(model, accept);
      if (failing.isPresent()) {
        Packet p = failing.get();
        return Optional.of(new Failure(p, model.evaluate(p), model.evaluate(forwarded(p))));
      }
    }
    return Optional.empty();
  }

  /** The sample packets, in order: every source with every destination of each batch ({@link #batches}). */
  static List<Packet> samples(NodeIr node, Match m) {
    List<Packet> out = new ArrayList<>();
    for (Batch b : batches(node, m)) {
      for (Cidr src : b.sources()) {
        for (Cidr dst : b.destinations()) {
          out.add(b.packet(src, dst));
        }
      }
    }
    return out;
  }

  /** Per family, protocol, port (or ICMP type) and interface: the sources and destinations to sample. */
  private static List<Batch> batches(NodeIr node, Match m) {
    List<Batch> out = new ArrayList<>();
    List<Protocol> protocols = m.protocol() == Protocol.ANY ? List.of(Protocol.TCP, Protocol.UDP) : List.of(m.protocol());
    List<String> ifaces = !m.ifaces().isEmpty() ? m.ifaces()
        : node.guarded().isEmpty() ? List.of("eth0") : node.guarded().stream().map(Guard::iface).toList();
    for (Family family : Family.values()) {
      List<Cidr> sources = addresses(m.from(), family, node, true);
      List<Cidr> destinations = addresses(m.to(), family, node, false);
      for (Protocol proto : protocols) {
        if (proto == Protocol.ICMP && family != Family.V4 || proto == Protocol.ICMPV6 && family != Family.V6) {
          continue;
        }
        for (int port : ports(proto, m)) {
          for (String iface : ifaces) {
            out.add(new Batch(family, proto, port, iface, sources, destinations));
          }
        }
      }
    }
    return out;
  }

  /** New connections of one family, protocol, port and interface, from each source to each destination. */
  private record Batch(Family family, Protocol proto, int port, String iface, List<Cidr> sources,
      List<Cidr> destinations) {
    Packet packet(Cidr src, Cidr dst) {
      return new Packet(family, Packet.Path.INPUT, proto, src, dst, 40000, proto.hasPorts() ? port : 0,
          proto.isIcmp() ? Optional.of(port) : Optional.empty(), iface, Packet.CtState.NEW, 64);
    }

    /**
     * The first packet, by source then destination, that is reachable when it should not be or the other
     * way round; the model runs the packets together along the longer of the two lists.
     */
    Optional<Packet> firstFailing(NetfilterModel model, boolean accept) {
      if (sources.isEmpty() || destinations.isEmpty()) {
        return Optional.empty();
      }
      if (sources.size() < destinations.size()) {
        for (Cidr src : sources) {
          Packet p = packet(src, destinations.get(0));
          int d = firstFailing(model.evaluateTo(p, destinations), container(model, p, false), accept);
          if (d >= 0) {
            return Optional.of(packet(src, destinations.get(d)));
          }
        }
        return Optional.empty();
      }
      int source = sources.size();
      int destination = -1;
      for (int d = 0; d < destinations.size() && source > 0; d++) {
        Packet p = packet(sources.get(0), destinations.get(d));
        int s = firstFailing(model.evaluateFrom(p, sources), container(model, p, true), accept);
        if (s >= 0 && s < source) {
          source = s;
          destination = d;
        }
      }
      return destination < 0 ? Optional.empty()
          : Optional.of(packet(sources.get(source), destinations.get(destination)));
    }

    /** The outcomes on the container path, which only counts for protocols with ports; else none. */
    private List<Outcome> container(NetfilterModel model, Packet p, boolean bySource) {
      if (!proto.hasPorts()) {
        return List.of();
      }
      return bySource ? model.evaluateFrom(forwarded(p), sources) : model.evaluateTo(forwarded(p), destinations);
    }

    private static int firstFailing(List<Outcome> toHost, List<Outcome> toContainer, boolean accept) {
      for (int i = 0; i < toHost.size(); i++) {
        boolean reachable = toHost.get(i).verdict().admitted()
            || !toContainer.isEmpty() && toContainer.get(i).verdict().admitted();
        if (reachable != accept) {
          return i;
        }
      }
      return -1;
    }
  }

  private static Packet forwarded(Packet p) {
    return new Packet(p.family(), Packet.Path.FORWARD, p.protocol(), p.src(), p.dst(), p.srcPort(), p.dstPort(),
        p.icmpType(), p.iface(), p.state(), p.hopLimit());
  }

  private static List<Integer> ports(Protocol proto, Match m) {
    if (proto.isIcmp()) {
      return m.icmpTypes().isEmpty() ? List.of(proto == Protocol.ICMP ? 8 : 128)
          : m.icmpTypes().stream().map(IcmpType::type).toList();
    }
    if (m.ports().isEmpty()) {
      return SAMPLE_PORTS;
    }
    Set<Integer> ports = new LinkedHashSet<>();
    for (PortRange r : m.ports()) {
      ports.add(r.low());
      ports.add(r.high());
    }
    return List.copyOf(ports);
  }

  /** The statement's networks of this family, or samples: an outside address and every network the rules name. */
  private static List<Cidr> addresses(Optional<List<Cidr>> given, Family family, NodeIr node, boolean source) {
    if (given.isPresent()) {
      return given.get().stream().filter(c -> c.family() == family).map(Expectations::firstAddress).toList();
    }
    Set<Cidr> out = new LinkedHashSet<>();
    out.add(source ? (family == Family.V4 ? OUTSIDE_V4 : OUTSIDE_V6) : (family == Family.V4 ? HOST_V4 : HOST_V6));
    for (RuleIr r : node.rules()) {
      for (Cidr c : source ? r.from() : r.to()) {
        if (c.family() == family) {
          out.add(firstAddress(c));
        }
      }
    }
    return List.copyOf(out);
  }

  private static Cidr firstAddress(Cidr c) {
    Cidr n = c.network();
    return new Cidr(n.family(), n.hi(), n.lo(), n.bits());
  }

  private static Diagnostic diagnostic(NodeIr node, ExpectIr e, Failure f, java.util.function.Function<Span, String> location) {
    boolean accept = e.statement().verb() == swfw.dsl.check.Resolved.Verb.EXPECT_ACCEPT;
    Trace decisive = accept ? f.toHost() : (f.toHost().verdict().admitted() ? f.toHost() : f.toContainer());
    List<String> notes = new ArrayList<>();
    notes.add("note: " + f.packet().describe() + " is " + outcome(f.toHost()) + " on the host path"
        + (f.packet().protocol().hasPorts() ? " and " + outcome(f.toContainer()) + " on the container path" : ""));
    decisive.decidedBy().ifPresentOrElse(step -> {
      String source = step.rule().source().map(location).orElse("swfw");
      notes.add("note: decided by " + source + ": -A " + step.chain() + " " + IptablesText.spec(step.rule(), f.packet().family()));
    }, () -> notes.add("note: no swfw rule decided: the packet went on to the rest of the chain"));
    return Diagnostic.error(CODE, e.statement().span(), "expectation does not hold on node '" + node.role() + "': "
        + (accept ? "traffic is not accepted" : "traffic is not dropped"), notes.toArray(String[]::new));
  }

  private static String outcome(Trace t) {
    return switch (t.verdict()) {
      case ACCEPT -> "accepted";
      case PASS -> "let through";
      case DROP -> "dropped";
      case REJECT -> "rejected";
    };
  }
}
