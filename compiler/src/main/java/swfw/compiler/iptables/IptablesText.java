package swfw.compiler.iptables;

import java.util.StringJoiner;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;

/**
 * Renders rules exactly as {@code iptables-save} prints them back (option order, {@code -m tcp},
 * {@code /32}, quoting, normalised rates), so generated text and saved text compare line by line.
 * IPv4 and IPv6 differ only in a few constants.
 */
public final class IptablesText {
  private IptablesText() {}

  /** The rule's options after {@code -A CHAIN}. */
  public static String spec(IptRule r, Family family) {
    StringBuilder b = new StringBuilder(96);
    r.src().ifPresent(c -> b.append(" -s ").append(cidr(c)));
    r.dst().ifPresent(c -> b.append(" -d ").append(cidr(c)));
    r.in().ifPresent(i -> b.append(" -i ").append(i));
    r.out().ifPresent(i -> b.append(" -o ").append(i));
    if (r.protocol() != Protocol.ANY) {
      b.append(" -p ").append(protocol(r.protocol()));
    }
    if (r.dports().size() == 1) {
      b.append(" -m ").append(protocol(r.protocol())).append(" --dport ").append(r.dports().get(0).iptables());
    } else if (r.dports().size() > 1) {
      StringJoiner ports = new StringJoiner(",");
      r.dports().forEach(p -> ports.add(p.iptables()));
      b.append(" -m multiport --dports ").append(ports);
    }
    r.srcSet().ifPresent(set -> b.append(" -m set --match-set ").append(set.name()).append(" src"));
    r.dstSet().ifPresent(set -> b.append(" -m set --match-set ").append(set.name()).append(" dst"));
    r.icmpType().ifPresent(t -> b.append(family == Family.V4 ? " -m icmp --icmp-type " : " -m icmp6 --icmpv6-type ")
        .append(t.type()));
    r.hopLimit().ifPresent(h -> b.append(" -m hl --hl-eq ").append(h));
    r.ctstates().ifPresent(s -> b.append(" -m conntrack --ctstate ").append(s));
    r.ctOrigDstPort().ifPresent(p -> b.append(" -m conntrack --ctorigdstport ").append(p.iptables())
        .append(" --ctdir ORIGINAL"));
    r.limit().ifPresent(l -> {
      b.append(" -m limit --limit ").append(l.iptables());
      if (l.burst() != swfw.dsl.value.Rate.DEFAULT_BURST) {
        b.append(" --limit-burst ").append(l.burst());
      }
    });
    if (!r.comment().isEmpty()) {
      b.append(" -m comment --comment ").append(quote(r.comment()));
    }
    b.append(" -j ").append(r.target());
    if (r.target().equals("REJECT")) {
      b.append(" --reject-with ").append(r.protocol() == Protocol.TCP ? "tcp-reset"
          : family == Family.V4 ? "icmp-port-unreachable" : "icmp6-port-unreachable");
    }
    return b.substring(1);
  }

  public static String protocol(Protocol p) {
    return switch (p) {
      case TCP -> "tcp";
      case UDP -> "udp";
      case ICMP -> "icmp";
      case ICMPV6 -> "ipv6-icmp";
      case ANY -> "all";
    };
  }

  static String cidr(Cidr c) {
    return c.toString();
  }

  /**
   * Quotes as iptables' xtables_save_string does: bare when only {@code [A-Za-z0-9_-]}, else in double
   * quotes with {@code "}, {@code \} and {@code '} escaped. Nothing in a comment can end the argument
   * or the line: the checker has already refused control characters.
   */
  public static String quote(String s) {
    boolean bare = !s.isEmpty();
    for (int i = 0; i < s.length() && bare; i++) {
      char c = s.charAt(i);
      bare = c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
    if (bare) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\'') {
        b.append('\\');
      }
      b.append(c < ' ' || c == 0x7f ? ' ' : c);
    }
    return b.append('"').toString();
  }

  /**
   * The {@code ipset restore} text that creates or replaces a node's sets atomically: each set is
   * filled under a temporary name and swapped in, so rules never see it empty or half-filled.
   */
  public static String ipsetRestore(java.util.List<IpSet> sets) {
    StringBuilder b = new StringBuilder(64 + sets.stream().mapToInt(s -> s.members().size() * 32).sum());
    for (IpSet s : sets) {
      String family = s.family() == swfw.dsl.value.Family.V4 ? "inet" : "inet6";
      String header = " " + s.type() + " family " + family + " maxelem " + Math.max(65536, s.members().size()) + "\n";
      String tmp = s.name() + "-new";
      b.append("create ").append(tmp).append(header).append("flush ").append(tmp).append('\n');
      for (Cidr c : s.members()) {
        b.append("add ").append(tmp).append(' ').append(s.type().equals("hash:ip") ? c.address() : c.toString()).append('\n');
      }
      b.append("create ").append(s.name()).append(header.substring(0, header.length() - 1)).append(" -exist\n")
          .append("swap ").append(tmp).append(' ').append(s.name()).append('\n')
          .append("destroy ").append(tmp).append('\n');
    }
    return b.toString();
  }

  static String portList(java.util.List<PortRange> ports) {
    StringJoiner j = new StringJoiner(",");
    ports.forEach(p -> j.add(p.iptables()));
    return j.toString();
  }
}
