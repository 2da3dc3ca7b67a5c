package swfw.compiler.iptables;

import swfw.compiler.text.Utf8Buffer;
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
    Utf8Buffer b = new Utf8Buffer(4096 + rs.ruleCount() * 128);
    write(b, rs, form, policyName);
    return b.toString();
  }

  /** Appends {@link #render}'s text as UTF-8, the bytes a rules file holds. */
  public static void write(Utf8Buffer out, Ruleset rs, Form form, String policyName) {
    if (form == Form.BOOT) {
      boot(rs, policyName, out);
    } else {
      live(rs, policyName, out);
    }
  }

  private static void boot(Ruleset rs, String policyName, Utf8Buffer out) {
    header(rs, policyName, "boot form, for /etc/iptables/" + fileName(rs.family())
        + ": a full restore before Docker starts", out);
    out.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:DOCKER-USER - [0:0]\n");
    declare(rs, out);
    out.append("-A FORWARD -j DOCKER-USER\n");
    for (Hook h : rs.hooks()) {
      out.append("-A ").append(hookLine(h)).append('\n');
    }
    rules(rs, out);
    out.append("COMMIT\n");
  }

  private static void live(Ruleset rs, String policyName, Utf8Buffer out) {
    header(rs, policyName, "live form, for iptables-restore --noflush on a running host;"
        + "\n# swfw push also deletes the previous hook jumps and stale swfw chains in the same transaction", out);
    out.append("*filter\n");
    declare(rs, out);
    rules(rs, out);
    for (Hook h : rs.hooks()) {
      out.append("-I ").append(h.from()).append(" 1 ").append(h.spec()).append('\n');
    }
    out.append("COMMIT\n");
  }

  /** {@code INPUT -m comment --comment swfw-hook -j SWFW-INPUT}: a hook as iptables-save prints it after -A. */
  public static String hookLine(Hook h) {
    return h.from() + " " + h.spec();
  }

  private static void header(Ruleset rs, String policyName, String what, Utf8Buffer out) {
    out.append("# swfw: node role '").append(rs.role()).append("', ").append(rs.family() == Family.V4 ? "IPv4" : "IPv6")
        .append(", compiled from ").append(policyName).append(". Do not edit: change the policy and compile again.\n")
        .append("# ").append(what).append('\n');
    if (!rs.sets().isEmpty()) {
      out.append("# uses the address sets of ").append(rs.role()).append(".ipset: load them first (ipset restore)\n");
    }
  }

  private static void declare(Ruleset rs, Utf8Buffer out) {
    for (Chain c : rs.chains()) {
      out.append(':').append(c.name()).append(" - [0:0]\n");
    }
  }

  private static void rules(Ruleset rs, Utf8Buffer out) {
    for (Chain c : rs.chains()) {
      for (IptRule r : c.rules()) {
        out.appendAscii("-A ").appendAscii(c.name()); // chain names are swfw's words and interface names
        IptablesText.appendSpec(out, r, rs.family());
        out.append('\n');
      }
    }
  }

  public static String fileName(Family f) {
    return f == Family.V4 ? "rules.v4" : "rules.v6";
  }
}
