package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Outcome;
import swfw.compiler.explain.Packet;
import swfw.compiler.explain.Trace;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.HostEntry;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Where the generated rules let swarm's control traffic in on a guarded (public) interface: for each
 * node, family, guarded interface and port, a new connection from one address of every class the
 * node's rules tell apart (and from each inventory host) is run through the {@link NetfilterModel}; the
 * statement whose rule accepts it is blamed. The probes run in batches along the longer of the source
 * and destination lists ({@link NetfilterModel#evaluateFrom}): one at a time, they took 44 s for 25,000
 * rules each from one address.
 */
final class SwarmExposure {
  /** What swarm listens on, NETFILTER.md §3. */
  enum Port {
    MANAGEMENT(Protocol.TCP, 2377, "2377/tcp"),
    GOSSIP_TCP(Protocol.TCP, 7946, "7946/tcp"),
    GOSSIP_UDP(Protocol.UDP, 7946, "7946/udp"),
    VXLAN(Protocol.UDP, 4789, "4789/udp"),
    /** {@code Protocol.ANY} stands for IP protocol 50 in the model: it matches only rules without a protocol. */
    ESP(Protocol.ANY, 0, "ESP");

    final Protocol protocol;
    final int port;
    final String label;

    Port(Protocol protocol, int port, String label) {
      this.protocol = protocol;
      this.port = port;
      this.label = label;
    }
  }

  /** The statement {@code statement} lets {@code port} in on {@code iface} of node {@code role}, from {@code source}. */
  record Exposure(Span statement, Port port, String role, String iface, Cidr source, boolean fromInventory) {}

  private final List<Exposure> all;

  private SwarmExposure(List<Exposure> all) {
    this.all = List.copyOf(all);
  }

  static SwarmExposure of(LintContext policy) {
    return new SwarmExposure(find(policy.compiled()));
  }

  /** The first exposure of each statement for these ports, in the order found. */
  Map<Span, List<Exposure>> byStatement(Set<Port> ports, boolean countInventory) {
    Map<Span, List<Exposure>> out = new LinkedHashMap<>();
    for (Exposure e : all) {
      if (ports.contains(e.port()) && (countInventory || !e.fromInventory())) {
        List<Exposure> list = out.computeIfAbsent(e.statement(), s -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.port() == e.port())) {
          list.add(e);
        }
      }
    }
    return out;
  }

  static List<Exposure> find(CompiledPolicy policy) {
    Set<Cidr> inventory = new HashSet<>();
    for (HostEntry h : policy.ir().hosts()) {
      Addresses.parse(h.address()).ifPresent(inventory::add);
    }
    List<Exposure> out = new ArrayList<>();
    for (NodeIr node : policy.ir().nodes()) {
      for (Family family : Family.values()) {
        NetfilterModel model = new NetfilterModel(policy.node(node.role()).orElseThrow().ruleset(family));
        for (Port port : Port.values()) {
          probe(node, family, port, model, inventory, out);
        }
      }
    }
    return out;
  }

  private static void probe(NodeIr node, Family family, Port port, NetfilterModel model, Set<Cidr> inventory,
      List<Exposure> out) {
    List<RuleIr> matching = Probes.mayMatch(node, family, port.protocol, port.port);
    if (matching.isEmpty()) {
      return; // only a statement's rule is blamed, and none of them can match this port
    }
    List<Cidr> named = new ArrayList<>(Probes.sources(matching));
    named.addAll(inventory);
    List<Cidr> sources = Probes.classes(family, named, Probes.outside(family));
    List<Cidr> destinations = destinations(family, matching);
    // One exposure per statement from outside the inventory and one from it is all the lints need: the
    // first in the order guard, source, destination, however the probes were batched.
    Map<List<Object>, Found> first = new HashMap<>();
    List<Guard> guards = node.guarded();
    for (int g = 0; g < guards.size(); g++) {
      String iface = guards.get(g).iface();
      accepted(model, (src, dst) -> Probes.inbound(family, port.protocol, src, dst, port.port, iface), g, sources,
          destinations, (probe, statement) -> {
            Cidr src = sources.get(probe.source());
            boolean member = inventory.contains(src);
            Found f = new Found(probe, new Exposure(statement, port, node.role(), iface, src, member));
            first.merge(List.of(statement, member), f, (a, b) -> a.probe().compareTo(b.probe()) <= 0 ? a : b);
          });
    }
    first.values().stream().sorted().forEach(f -> out.add(f.exposure()));
  }

  /**
   * Runs a probe from each of {@code sources} to each of {@code destinations} on guard {@code g}, in batches
   * along the longer list, and hands each probe that a statement's rule accepts to {@code found}.
   */
  private static void accepted(NetfilterModel model, BiFunction<Cidr, Cidr, Packet> packet, int g, List<Cidr> sources,
      List<Cidr> destinations, BiConsumer<Probe, Span> found) {
    boolean bySource = sources.size() >= destinations.size();
    List<Cidr> fixed = bySource ? destinations : sources;
    for (int k = 0; k < fixed.size(); k++) {
      List<Outcome> outcomes = bySource
          ? model.evaluateFrom(packet.apply(sources.get(0), destinations.get(k)), sources)
          : model.evaluateTo(packet.apply(sources.get(k), destinations.get(0)), destinations);
      for (int j = 0; j < outcomes.size(); j++) {
        Outcome o = outcomes.get(j);
        Optional<Span> by = o.verdict() == Trace.Verdict.ACCEPT
            ? o.decidedBy().flatMap(s -> s.rule().source()) : Optional.empty();
        if (by.isPresent()) {
          found.accept(bySource ? new Probe(g, j, k) : new Probe(g, k, j), by.get());
        }
      }
    }
  }

  /** Which probe: by guarded interface, then source, then destination, as numbered in their lists. */
  private record Probe(int guard, int source, int destination) implements Comparable<Probe> {
    @Override
    public int compareTo(Probe o) {
      int c = Integer.compare(guard, o.guard);
      c = c != 0 ? c : Integer.compare(source, o.source);
      return c != 0 ? c : Integer.compare(destination, o.destination);
    }
  }

  /** An exposure and the probe that found it. */
  private record Found(Probe probe, Exposure exposure) implements Comparable<Found> {
    @Override
    public int compareTo(Found o) {
      return probe.compareTo(o.probe);
    }
  }

  private static List<Cidr> destinations(Family family, List<RuleIr> matching) {
    List<Cidr> named = Probes.destinations(matching);
    if (named.isEmpty()) {
      return List.of(Probes.someHost(family));
    }
    return Probes.classes(family, named, Probes.someHost(family));
  }
}
