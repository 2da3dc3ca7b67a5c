package swfw.compiler.lint;

import java.util.List;
import java.util.Optional;
import swfw.compiler.CompiledNode;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Outcome;
import swfw.compiler.explain.Trace;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.HostEntry;
import swfw.dsl.value.Cidr;

/**
 * The lockout probes as first written, one packet at a time through {@link NetfilterModel#evaluate}, stopping
 * at the first that gets in: the oracle {@link LockedOutHost#refused} must agree with.
 */
final class NaiveLockedOutHost {
  private NaiveLockedOutHost() {}

  static Optional<Outcome> refused(NodeIr node, CompiledNode compiled, HostEntry host, Cidr address,
      Optional<Cidr> jump) {
    NetfilterModel model = new NetfilterModel(compiled.ruleset(address.family()));
    List<Cidr> sources = jump.map(List::of).orElseGet(() -> Probes.classes(address.family(),
        Probes.sourcesNamed(node, address.family(), Protocol.TCP, host.port()), Probes.outside(address.family())));
    List<Span> defaults = node.guarded().stream().map(Guard::span).toList();
    Trace first = null;
    Trace byRule = null;
    for (Guard g : node.guarded()) {
      for (Cidr src : sources) {
        Trace t = model.evaluate(Probes.inbound(address.family(), Protocol.TCP, src, address, host.port(), g.iface()));
        if (t.verdict().admitted()) {
          return Optional.empty();
        }
        first = first == null ? t : first;
        boolean explicit = t.decidedBy().flatMap(s -> s.rule().source()).filter(s -> !defaults.contains(s)).isPresent();
        byRule = byRule == null && explicit ? t : byRule;
      }
    }
    return Optional.ofNullable(byRule != null ? byRule : first).map(t -> new Outcome(t.verdict(), t.decidedBy()));
  }
}
