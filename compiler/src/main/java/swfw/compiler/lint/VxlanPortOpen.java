package swfw.compiler.lint;

import java.util.EnumSet;
import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;

/**
 * SW4006: swarm's VXLAN data port (4789/udp) reachable on a public interface, from any address at all:
 * VXLAN has no authentication and UDP senders are easily forged, so narrowing the sources does not help.
 */
final class VxlanPortOpen implements Lint {
  static final String CODE = "SW4006";

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
    return "swarm's VXLAN data port 4789/udp is reachable on a public interface: anyone can inject overlay traffic";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    SwarmExposure exposure = policy.shared(SwarmExposure.class, SwarmExposure::of);
    exposure.byStatement(EnumSet.of(SwarmExposure.Port.VXLAN), true).forEach((span, list) -> out.add(
        Diagnostic.error(CODE, span, "swarm's VXLAN data port 4789/udp is reachable on "
            + SwarmMessages.where(list.get(0)),
            "note: VXLAN has no authentication and UDP senders are easily forged: anyone who can send to this port "
                + "can inject frames into the overlay networks, encrypted ones included (GHSA-vwm3-crmr-xfxw)",
            "carry swarm over a trusted interface ('trust ens11;') and never open 4789/udp on a public one, "
                + "not even to the nodes' addresses")));
  }
}
