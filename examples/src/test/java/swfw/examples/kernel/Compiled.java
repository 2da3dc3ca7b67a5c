package swfw.examples.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.iptables.Forms;
import swfw.compiler.iptables.IpSet;
import swfw.compiler.iptables.IptablesText;
import swfw.compiler.iptables.LiveMerge;
import swfw.compiler.iptables.SwfwPart;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.value.Family;
import swfw.testkit.Iptables;
import swfw.testkit.Netns;

/** Compiles policies for kernel tests and applies them to a namespace the way swfw does. */
final class Compiled {
  private Compiled() {}

  static CompiledPolicy policy(Path file) {
    Frontend front = Frontend.run(file);
    Diagnostics diags = new Diagnostics();
    return Compiler.compile(front.policy().orElseThrow(() -> new AssertionError(front.renderDiagnostics())), diags)
        .orElseThrow();
  }

  static CompiledPolicy policy(String text) {
    Frontend front = Frontend.run(Path.of("kernel-test.swfw"), text);
    Diagnostics diags = new Diagnostics();
    return Compiler.compile(front.policy().orElseThrow(() -> new AssertionError(front.renderDiagnostics())), diags)
        .orElseThrow();
  }

  static String ipsets(CompiledNode node) {
    List<IpSet> sets = new ArrayList<>(node.v4().sets());
    sets.addAll(node.v6().sets());
    return IptablesText.ipsetRestore(sets);
  }

  /** Loads a node's boot files with a full restore, as iptables-persistent does at boot. */
  static void boot(Netns ns, CompiledNode node, String policyName) {
    if (!node.v4().sets().isEmpty() || !node.v6().sets().isEmpty()) {
      ns.execInput(ipsets(node), java.time.Duration.ofSeconds(20), "ipset", "restore").orThrow();
    }
    Iptables.v4(ns).restore(Forms.render(node.v4(), Forms.Form.BOOT, policyName));
    Iptables.v6(ns).restore(Forms.render(node.v6(), Forms.Form.BOOT, policyName));
  }

  /** Applies a node live, as swfw push does: one --noflush transaction per family, merged with what is there. */
  static void live(Netns ns, CompiledNode node) {
    if (!node.v4().sets().isEmpty() || !node.v6().sets().isEmpty()) {
      ns.execInput(ipsets(node), java.time.Duration.ofSeconds(20), "ipset", "restore").orThrow();
    }
    for (Family f : Family.values()) {
      Iptables ipt = f == Family.V4 ? Iptables.v4(ns) : Iptables.v6(ns);
      ipt.restoreNoflush(LiveMerge.payload(SwfwPart.of(node.ruleset(f)), SwfwPart.fromSave(ipt.save())));
    }
  }
}
