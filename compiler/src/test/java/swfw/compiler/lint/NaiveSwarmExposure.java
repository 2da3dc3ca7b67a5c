package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Trace;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.check.HostEntry;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * The swarm port probes as first written, one packet at a time through {@link NetfilterModel#evaluate}
 * for every guard, source and destination: quadratic, and the oracle {@link SwarmExposure} must agree with.
 */
final class NaiveSwarmExposure {
  private NaiveSwarmExposure() {}

  static List<SwarmExposure.Exposure> find(CompiledPolicy policy) {
    Set<Cidr> inventory = new HashSet<>();
    for (HostEntry h : policy.ir().hosts()) {
      Addresses.parse(h.address()).ifPresent(inventory::add);
    }
    List<SwarmExposure.Exposure> out = new ArrayList<>();
    for (NodeIr node : policy.ir().nodes()) {
      for (Family family : Family.values()) {
        NetfilterModel model = new NetfilterModel(policy.node(node.role()).orElseThrow().ruleset(family));
        for (SwarmExposure.Port port : SwarmExposure.Port.values()) {
          probe(node, family, port, model, inventory, out);
        }
      }
    }
    return out;
  }

  private static void probe(NodeIr node, Family family, SwarmExposure.Port port, NetfilterModel model,
      Set<Cidr> inventory, List<SwarmExposure.Exposure> out) {
    List<RuleIr> matching = Probes.mayMatch(node, family, port.protocol, port.port);
    if (matching.isEmpty()) {
      return;
    }
    List<Cidr> named = new ArrayList<>(Probes.sources(matching));
    named.addAll(inventory);
    List<Cidr> sources = Probes.classes(family, named, Probes.outside(family));
    List<Cidr> destinations = Probes.destinations(matching).isEmpty() ? List.of(Probes.someHost(family))
        : Probes.classes(family, Probes.destinations(matching), Probes.someHost(family));
    Set<List<Object>> seen = new HashSet<>();
    for (Guard g : node.guarded()) {
      for (Cidr src : sources) {
        for (Cidr dst : destinations) {
          Trace t = model.evaluate(Probes.inbound(family, port.protocol, src, dst, port.port, g.iface()));
          Optional<Span> by = t.verdict() == Trace.Verdict.ACCEPT
              ? t.decidedBy().flatMap(s -> s.rule().source()) : Optional.empty();
          boolean member = inventory.contains(src);
          if (by.isPresent() && seen.add(List.of(by.get(), member))) {
            out.add(new SwarmExposure.Exposure(by.get(), port, node.role(), g.iface(), src, member));
          }
        }
      }
    }
  }
}
