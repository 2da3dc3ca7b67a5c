package swfw.compiler.iptables;

import swfw.dsl.value.Family;

/**
 * The two files of one node and family. The boot form is a complete filter table for
 * {@code /etc/iptables/rules.v4|v6}, loaded before Docker starts (it declares DOCKER-USER, which
 * Docker then adopts and keeps). The live form is a {@code --noflush} payload that touches only
 * swfw's chains and hook jumps; {@link LiveMerge} completes it against the running ruleset.
 */
public final class Forms {
  private Forms() {}

  public enum Form {
    BOOT,
    LIVE
  }

  public static String render(Ruleset rs, Form form, String policyName) {
    return form == Form.BOOT ? boot(rs, policyName) : live(rs, policyName);
  }

  static String boot(Ruleset rs, String policyName) {
    StringBuilder b = header(rs, policyName, "boot form, for /etc/iptables/" + fileName(rs.family())
        + ": a full restore before Docker starts");
    b.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:DOCKER-USER - [0:0]\n");
    declare(rs, b);
    b.append("-A FORWARD -j DOCKER-USER\n");
    for (Hook h : rs.hooks()) {
      b.append("-A ").append(hookLine(h)).append('\n');
    }
    rules(rs, b);
    return b.append("COMMIT\n").toString();
  }

  static String live(Ruleset rs, String policyName) {
    StringBuilder b = header(rs, policyName, "live form, for iptables-restore --noflush on a running host;"
        + "\n# swfw push also deletes the previous hook jumps and stale swfw chains in the same transaction");
    b.append("*filter\n");
    declare(rs, b);
    rules(rs, b);
    for (Hook h : rs.hooks()) {
      b.append("-I ").append(h.from()).append(" 1 ").append(h.spec()).append('\n');
    }
    return b.append("COMMIT\n").toString();
  }

  /** {@code INPUT -m comment --comment swfw-hook -j SWFW-INPUT}: a hook as iptables-save prints it after -A. */
  public static String hookLine(Hook h) {
    return h.from() + " " + h.spec();
  }

  private static StringBuilder header(Ruleset rs, String policyName, String what) {
    StringBuilder b = new StringBuilder(4096)
        .append("# swfw: node role '").append(rs.role()).append("', ").append(rs.family() == Family.V4 ? "IPv4" : "IPv6")
        .append(", compiled from ").append(policyName).append(". Do not edit: change the policy and compile again.\n")
        .append("# ").append(what).append('\n');
    if (!rs.sets().isEmpty()) {
      b.append("# uses the address sets of ").append(rs.role()).append(".ipset: load them first (ipset restore)\n");
    }
    return b;
  }

  private static void declare(Ruleset rs, StringBuilder b) {
    for (Chain c : rs.chains()) {
      b.append(':').append(c.name()).append(" - [0:0]\n");
    }
  }

  private static void rules(Ruleset rs, StringBuilder b) {
    for (Chain c : rs.chains()) {
      for (IptRule r : c.rules()) {
        b.append("-A ").append(c.name()).append(' ').append(IptablesText.spec(r, rs.family())).append('\n');
      }
    }
  }

  public static String fileName(Family f) {
    return f == Family.V4 ? "rules.v4" : "rules.v6";
  }
}
