package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.List;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;

/**
 * A guard's rules as {@link RulesetBuilder} first chose them, every rule read again per guard:
 * quadratic in the guarded interfaces, and the oracle {@link RuleIr#byIface} must agree with.
 */
final class NaiveGuardRules {
  private NaiveGuardRules() {}

  static List<RuleIr> on(NodeIr node, Guard g, List<RuleIr> rules) {
    if (node.guarded().size() == 1) {
      return rules;
    }
    List<RuleIr> out = new ArrayList<>(rules.size());
    for (RuleIr r : rules) {
      if (r.ifaces().contains(g.iface())) {
        out.add(r);
      }
    }
    return out;
  }
}
