package swfw.compiler.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.Span;

/**
 * SW4005: swarm's cluster management port (2377/tcp) or its node discovery ports (7946/tcp, 7946/udp)
 * reachable on a public interface from an address outside the inventory.
 */
final class SwarmControlPortOpen implements Lint {
  static final String CODE = "SW4005";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "swarm's control ports (2377/tcp, 7946/tcp, 7946/udp) are reachable on a public interface";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    SwarmExposure exposure = policy.shared(SwarmExposure.class, SwarmExposure::of);
    Map<Span, List<SwarmExposure.Exposure>> found = exposure.byStatement(EnumSet.of(SwarmExposure.Port.MANAGEMENT,
        SwarmExposure.Port.GOSSIP_TCP, SwarmExposure.Port.GOSSIP_UDP), false);
    found.forEach((span, list) -> out.add(Diagnostic.warning(CODE, span,
        "swarm's control " + SwarmMessages.ports(list) + " reachable on " + SwarmMessages.where(list.get(0)),
        "note: 2377/tcp carries cluster management (raft) to managers, 7946 node discovery (gossip)",
        "swarm needs these only between its nodes: carry swarm over a trusted interface ('trust ens11;'), "
            + "or narrow this rule with 'from' to the nodes' addresses")));
  }
}
