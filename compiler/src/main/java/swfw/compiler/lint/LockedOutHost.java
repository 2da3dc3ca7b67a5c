package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Outcome;
import swfw.compiler.explain.Packet;
import swfw.compiler.iptables.IptablesText;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.HostEntry;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;

/**
 * SW4001: a host of the inventory whose SSH port the generated rules close on every guarded interface,
 * to every address push could connect from: {@code swfw push} would lock the operator out.
 *
 * <p>Push connects to the host's address and {@code port} (22 unless given) from any address, or, for a
 * host with a {@code jump} host of the same family, from the jump host's address. The check asks the
 * {@link NetfilterModel} about a new connection from one address of every class the node's rules tell
 * apart, on each guarded interface, all at once ({@link NetfilterModel#evaluateFrom}); the host is
 * locked out when none of them gets in.
 */
final class LockedOutHost implements Lint {
  static final String CODE = "SW4001";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "push would lock the operator out: no SSH path to an inventory host stays open";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    out.addAll(find(policy.compiled()));
  }

  static List<Diagnostic> find(CompiledPolicy policy) {
    return find(policy, policy.ir().hosts());
  }

  /** For hosts from elsewhere (push's --inventory file); a jump host must be among them. */
  static List<Diagnostic> find(CompiledPolicy policy, List<HostEntry> hosts) {
    Function<Span, String> location = Compiler.locations(policy.ir().root());
    List<Diagnostic> out = new ArrayList<>();
    for (HostEntry host : hosts) {
      Optional<NodeIr> node = policy.ir().node(host.role());
      Optional<CompiledNode> compiled = policy.node(host.role());
      Optional<Cidr> address = Addresses.parse(host.address());
      if (node.isEmpty() || compiled.isEmpty() || address.isEmpty() || node.get().guarded().isEmpty()) {
        continue;
      }
      Optional<Cidr> jump = jumpAddress(hosts, host, address.get());
      Optional<Outcome> refused = refused(node.get(), compiled.get(), host, address.get(), jump);
      refused.ifPresent(t -> out.add(diagnostic(node.get(), host, address.get(), jump, t, location)));
    }
    return out;
  }

  /** The jump host's address when it is in the inventory and of the host's family: where push connects from. */
  private static Optional<Cidr> jumpAddress(List<HostEntry> hosts, HostEntry host, Cidr address) {
    return host.jump().flatMap(name -> hosts.stream().filter(h -> h.name().equals(name)).findFirst())
        .flatMap(j -> Addresses.parse(j.address())).filter(a -> a.family() == address.family());
  }

  /**
   * Empty when some probe gets in; else what refused one: the first refused by a rule of the policy
   * rather than by an interface's default deny, if any.
   */
  static Optional<Outcome> refused(NodeIr node, CompiledNode compiled, HostEntry host, Cidr address,
      Optional<Cidr> jump) {
    NetfilterModel model = new NetfilterModel(compiled.ruleset(address.family()));
    List<Cidr> sources = jump.map(List::of).orElseGet(() -> Probes.classes(address.family(),
        Probes.sourcesNamed(node, address.family(), Protocol.TCP, host.port()), Probes.outside(address.family())));
    List<Span> defaults = node.guarded().stream().map(Guard::span).toList();
    Outcome first = null;
    Outcome byRule = null;
    for (Guard g : node.guarded()) {
      Packet probe = Probes.inbound(address.family(), Protocol.TCP, sources.get(0), address, host.port(), g.iface());
      for (Outcome o : model.evaluateFrom(probe, sources)) {
        if (o.verdict().admitted()) {
          return Optional.empty();
        }
        first = first == null ? o : first;
        boolean explicit = o.decidedBy().flatMap(s -> s.rule().source()).filter(s -> !defaults.contains(s)).isPresent();
        byRule = byRule == null && explicit ? o : byRule;
      }
    }
    return Optional.ofNullable(byRule != null ? byRule : first);
  }

  private static Diagnostic diagnostic(NodeIr node, HostEntry host, Cidr address, Optional<Cidr> jump, Outcome refused,
      Function<Span, String> location) {
    List<String> notes = new ArrayList<>();
    String interfaces = String.join(", ", node.guarded().stream().map(Guard::iface).toList());
    notes.add("note: swfw push connects to " + address.address() + " port " + host.port()
        + (host.port() != 22 ? " (the host's 'port')" : "") + " from "
        + jump.map(j -> j.address() + ", its jump host '" + host.jump().orElseThrow() + "'").orElse("any address")
        + ", on " + interfaces);
    refused.decidedBy().ifPresent(step -> notes.add("note: refused by "
        + step.rule().source().map(location).orElse("swfw") + ": -A " + step.chain() + " "
        + IptablesText.spec(step.rule(), address.family())));
    notes.add("allow it in node '" + node.role() + "' (e.g. 'allow tcp " + host.port()
        + " from ADDRS;'), or, if the lockout is intended, say why above this host: '# swfw:ignore " + CODE
        + " -- REASON'");
    return new Diagnostic(Severity.ERROR, CODE, "host '" + host.name() + "' would be locked out: node '" + node.role()
        + "' lets no SSH connection in on tcp port " + host.port(), host.span(), notes);
  }
}
