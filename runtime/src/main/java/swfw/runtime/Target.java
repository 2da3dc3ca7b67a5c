package swfw.runtime;

import java.util.ArrayList;
import java.util.List;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.iptables.Forms;
import swfw.compiler.iptables.SwfwPart;
import swfw.dsl.value.Family;
import swfw.runtime.inventory.Host;

/** A host with the compiled rules of its role: what plan compares with and push applies. */
public record Target(Host host, CompiledNode node, String policyName) {

  /**
   * Pairs each host with its role's rules.
   *
   * @throws IllegalArgumentException naming the hosts whose role the policy does not have
   */
  public static List<Target> resolve(CompiledPolicy policy, List<Host> hosts) {
    List<Target> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Host h : hosts) {
      policy.node(h.role()).ifPresentOrElse(n -> out.add(new Target(h, n, policy.policyName())),
          () -> missing.add(h.name() + " (role '" + h.role() + "')"));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the policy has no rules for " + String.join(", ", missing)
          + "; its roles: " + String.join(", ", policy.nodes().stream().map(CompiledNode::role).toList()));
    }
    return out;
  }

  public SwfwPart desired(Family f) {
    return SwfwPart.of(node.ruleset(f));
  }

  /** The live form of the role's rules, kept in {@code /etc/swfw/rules.v4|v6} for the boot unit. */
  public String bootFile(Family f) {
    return Forms.render(node.ruleset(f), Forms.Form.LIVE, policyName);
  }

  /** What changes in family {@code f} when the host's live filter table is {@code save}. */
  public Change change(Family f, String save) {
    return new Change(host.name(), f, SwfwPart.fromSave(save), desired(f));
  }
}
