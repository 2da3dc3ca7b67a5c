package swfw.compiler.iptables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.StringJoiner;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * Renders rules exactly as {@code iptables-save} prints them back (option order, {@code -m tcp},
 * {@code /32}, quoting, normalised rates), so generated text and saved text compare line by line.
 * IPv4 and IPv6 differ only in a few constants.
 */
public final class IptablesText {
  private IptablesText() {}

  /** The rule's options after {@code -A CHAIN}. */
  public static String spec(IptRule r, Family family) {
    StringBuilder b = new StringBuilder(128);
    appendSpec(b, r, family);
    return b.toString();
  }

  /** Appends {@link #spec}: every rule of a file goes through here, so no lambdas or temporary strings. */
  public static void appendSpec(StringBuilder b, IptRule r, Family family) {
    int start = b.length();
    if (r.src().isPresent()) {
      b.append(" -s ").append(cidr(r.src().get()));
    }
    if (r.dst().isPresent()) {
      b.append(" -d ").append(cidr(r.dst().get()));
    }
    if (r.in().isPresent()) {
      b.append(" -i ").append(r.in().get());
    }
    if (r.out().isPresent()) {
      b.append(" -o ").append(r.out().get());
    }
    if (r.protocol() != Protocol.ANY) {
      b.append(" -p ").append(protocol(r.protocol()));
    }
    appendPorts(b, r);
    if (r.srcSet().isPresent()) {
      b.append(" -m set --match-set ").append(r.srcSet().get().name()).append(" src");
    }
    if (r.dstSet().isPresent()) {
      b.append(" -m set --match-set ").append(r.dstSet().get().name()).append(" dst");
    }
    if (r.icmpType().isPresent()) {
      b.append(family == Family.V4 ? " -m icmp --icmp-type " : " -m icmp6 --icmpv6-type ").append(r.icmpType().get().type());
    }
    if (r.hopLimit().isPresent()) {
      b.append(" -m hl --hl-eq ").append(r.hopLimit().get().intValue());
    }
    if (r.ctstates().isPresent()) {
      b.append(" -m conntrack --ctstate ").append(r.ctstates().get());
    }
    appendOriginal(b, r);
    appendLimit(b, r);
    if (!r.comment().isEmpty()) {
      b.append(" -m comment --comment ");
      appendQuoted(b, r.comment());
    }
    b.append(" -j ").append(r.target());
    if (r.target().equals("REJECT")) {
      b.append(" --reject-with ").append(r.protocol() == Protocol.TCP ? "tcp-reset"
          : family == Family.V4 ? "icmp-port-unreachable" : "icmp6-port-unreachable");
    }
    b.deleteCharAt(start);
  }

  /**
   * The destination before Docker's DNAT, in one conntrack match printed as iptables-save does: address,
   * then port, then direction; a single address without its /32 or /128 (unlike -s and -d).
   */
  private static void appendOriginal(StringBuilder b, IptRule r) {
    if (r.ctOrigDst().isEmpty() && r.ctOrigDstPort().isEmpty()) {
      return;
    }
    b.append(" -m conntrack");
    if (r.ctOrigDst().isPresent()) {
      Cidr c = r.ctOrigDst().get();
      b.append(" --ctorigdst ").append(c.prefix() == c.bits() ? c.address() : c.toString());
    }
    if (r.ctOrigDstPort().isPresent()) {
      b.append(" --ctorigdstport ");
      appendPort(b, r.ctOrigDstPort().get());
    }
    b.append(" --ctdir ORIGINAL");
  }

  private static void appendPorts(StringBuilder b, IptRule r) {
    List<PortRange> ports = r.dports();
    if (ports.size() == 1) {
      b.append(" -m ").append(protocol(r.protocol())).append(" --dport ");
      appendPort(b, ports.get(0));
    } else if (ports.size() > 1) {
      b.append(" -m multiport --dports ");
      for (int i = 0; i < ports.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        appendPort(b, ports.get(i));
      }
    }
  }

  /** {@link PortRange#iptables()}, appended. */
  private static void appendPort(StringBuilder b, PortRange p) {
    b.append(p.low());
    if (!p.isSingle()) {
      b.append(':').append(p.high());
    }
  }

  private static void appendLimit(StringBuilder b, IptRule r) {
    if (r.limit().isEmpty()) {
      return;
    }
    Rate l = r.limit().get();
    b.append(" -m limit --limit ").append(l.iptables());
    if (l.burst() != Rate.DEFAULT_BURST) {
      b.append(" --limit-burst ").append(l.burst());
    }
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
    StringBuilder b = new StringBuilder(s.length() + 8);
    appendQuoted(b, s);
    return b.toString();
  }

  private static void appendQuoted(StringBuilder b, String s) {
    boolean bare = !s.isEmpty();
    for (int i = 0; i < s.length() && bare; i++) {
      char c = s.charAt(i);
      bare = c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
    if (bare) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\'') {
        b.append('\\');
      }
      b.append(c < ' ' || c == 0x7f ? ' ' : c);
    }
    b.append('"');
  }

  /**
   * The {@code ipset restore} text that creates or replaces a node's sets atomically: each set is
   * filled under a temporary name and swapped in, so rules never see it empty or half-filled.
   */
  public static String ipsetRestore(List<IpSet> sets) {
    StringBuilder b = new StringBuilder(64 + sets.stream().mapToInt(s -> s.members().size() * 32).sum());
    try {
      writeIpsetRestore(sets, b);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return b.toString();
  }

  /** Writes {@link #ipsetRestore} line by line: a blocklist set can have a hundred thousand members. */
  public static void writeIpsetRestore(List<IpSet> sets, Appendable out) throws IOException {
    StringBuilder line = new StringBuilder(128);
    for (IpSet s : sets) {
      String family = s.family() == Family.V4 ? "inet" : "inet6";
      String type = s.type();
      String header = " " + type + " family " + family + " maxelem " + Math.max(65536, s.members().size());
      String tmp = s.name() + "-new";
      out.append("create ").append(tmp).append(header).append("\nflush ").append(tmp).append('\n');
      boolean addressesOnly = type.equals("hash:ip");
      for (Cidr c : s.members()) {
        line.setLength(0);
        line.append("add ").append(tmp).append(' ').append(addressesOnly ? c.address() : c.toString()).append('\n');
        out.append(line);
      }
      out.append("create ").append(s.name()).append(header).append(" -exist\n")
          .append("swap ").append(tmp).append(' ').append(s.name()).append('\n')
          .append("destroy ").append(tmp).append('\n');
    }
  }

  static String portList(java.util.List<PortRange> ports) {
    StringJoiner j = new StringJoiner(",");
    ports.forEach(p -> j.add(p.iptables()));
    return j.toString();
  }
}
