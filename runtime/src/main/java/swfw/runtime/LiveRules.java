package swfw.runtime;

import swfw.runtime.ssh.ExecResult;
import swfw.runtime.ssh.Remote;

/** Reads a host's live filter tables without changing anything (what {@code swfw plan} needs). */
public final class LiveRules {
  private static final String SCRIPT = "PATH=/usr/sbin:/sbin:/usr/bin:/bin:$PATH; "
      + "for t in iptables-save ip6tables-save; do command -v $t >/dev/null 2>&1"
      + " || { echo \"$t not found (install iptables)\" >&2; exit 127; }; done; "
      + "iptables-save -t filter && echo \"--- ip6tables-save\" && ip6tables-save -t filter";

  private LiveRules() {}

  /** The IPv4 and IPv6 filter tables as iptables-save prints them. */
  public static Saves read(Remote r) throws HostError {
    ExecResult res = r.exec(r.asRoot("sh -c '" + SCRIPT + "'"), null);
    if (!res.ok()) {
      String reason = res.reason();
      throw new HostError(reason.startsWith("sudo:") ? "sudo -n failed for " + r.host().user() + " ("
          + reason.substring(5).strip() + "): swfw needs passwordless sudo" : "cannot read the live rules: " + reason);
    }
    String out = res.stdout();
    int mark = out.indexOf("--- ip6tables-save\n");
    return mark < 0 ? new Saves(out, "") : new Saves(out.substring(0, mark), out.substring(mark + 19));
  }

  /** The two saves of one host. */
  public record Saves(String v4, String v6) {}
}
