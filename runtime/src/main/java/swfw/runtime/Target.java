package swfw.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.iptables.Forms;
import swfw.compiler.iptables.SwfwPart;
import swfw.dsl.value.Family;
import swfw.runtime.inventory.Host;

/**
 * A host with the compiled rules of its role: what plan compares with and push applies. The role's
 * desired part and boot files are worked out once for all its hosts ({@link Renders}, shared by the
 * targets {@link #resolve} makes).
 */
public record Target(Host host, CompiledNode node, String policyName, Renders renders) {
  public Target(Host host, CompiledNode node, String policyName) {
    this(host, node, policyName, new Renders());
  }

  /**
   * Pairs each host with its role's rules.
   *
   * @throws IllegalArgumentException naming the hosts whose role the policy does not have
   */
  public static List<Target> resolve(CompiledPolicy policy, List<Host> hosts) {
    List<Target> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, Renders> byRole = new HashMap<>();
    for (Host h : hosts) {
      policy.node(h.role()).ifPresentOrElse(
          n -> out.add(new Target(h, n, policy.policyName(), byRole.computeIfAbsent(h.role(), r -> new Renders()))),
          () -> missing.add(h.name() + " (role '" + h.role() + "')"));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the policy has no rules for " + String.join(", ", missing)
          + "; its roles: " + String.join(", ", policy.nodes().stream().map(CompiledNode::role).toList()));
    }
    return out;
  }

  public SwfwPart desired(Family f) {
    return renders.get(f == Family.V4 ? 0 : 1, () -> SwfwPart.of(node.ruleset(f)));
  }

  /** The live form of the role's rules, kept in {@code /etc/swfw/rules.v4|v6} for the boot unit. */
  public String bootFile(Family f) {
    return renders.get(f == Family.V4 ? 2 : 3, () -> Forms.render(node.ruleset(f), Forms.Form.LIVE, policyName));
  }

  /** The SHA-256 of {@link #bootFile} in hex, as {@code sha256sum} prints it. */
  public String bootFileSha256(Family f) {
    return renders.get(f == Family.V4 ? 4 : 5, () -> {
      try {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(bootFile(f).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** What {@link #desired}, {@link #bootFile} and its hash return, worked out once per role (by whichever host asks first). */
  public static final class Renders {
    private final Object[] values = new Object[6];

    @SuppressWarnings("unchecked")
    synchronized <T> T get(int slot, java.util.function.Supplier<T> make) {
      if (values[slot] == null) {
        values[slot] = make.get();
      }
      return (T) values[slot];
    }
  }

  /** What changes in family {@code f} when the host's live filter table is {@code save}. */
  public Change change(Family f, String save) {
    return new Change(host.name(), f, SwfwPart.fromSave(save), desired(f));
  }
}
