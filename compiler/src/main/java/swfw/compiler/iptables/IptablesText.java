package swfw.compiler.iptables;

import java.util.List;
import swfw.compiler.text.Utf8Buffer;
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
    Utf8Buffer b = new Utf8Buffer(128);
    appendSpec(b, r, family);
    return b.toString().substring(1);
  }

  /**
   * Appends {@link #spec}, each option after a space, so that it can follow {@code -A CHAIN} directly:
   * every rule of a file goes through here, so no lambdas or temporary strings.
   */
  public static void appendSpec(Utf8Buffer b, IptRule r, Family family) {
    if (r.src().isPresent()) {
      AddressText.appendCidr(b.appendAscii(" -s "), r.src().get());
    }
    if (r.dst().isPresent()) {
      AddressText.appendCidr(b.appendAscii(" -d "), r.dst().get());
    }
    if (r.in().isPresent()) {
      b.appendAscii(" -i ").appendAscii(r.in().get());
    }
    if (r.out().isPresent()) {
      b.appendAscii(" -o ").appendAscii(r.out().get());
    }
    if (r.protocol() != Protocol.ANY) {
      b.appendAscii(" -p ").appendAscii(protocol(r.protocol()));
    }
    appendPorts(b, r);
    if (r.srcSet().isPresent()) {
      b.appendAscii(" -m set --match-set ").appendAscii(r.srcSet().get().name()).appendAscii(" src");
    }
    if (r.dstSet().isPresent()) {
      b.appendAscii(" -m set --match-set ").appendAscii(r.dstSet().get().name()).appendAscii(" dst");
    }
    if (r.icmpType().isPresent()) {
      b.appendAscii(family == Family.V4 ? " -m icmp --icmp-type " : " -m icmp6 --icmpv6-type ").append(r.icmpType().get().type());
    }
    if (r.hopLimit().isPresent()) {
      b.appendAscii(" -m hl --hl-eq ").append(r.hopLimit().get().intValue());
    }
    if (r.ctstates().isPresent()) {
      b.appendAscii(" -m conntrack --ctstate ").appendAscii(r.ctstates().get());
    }
    appendOriginal(b, r);
    appendLimit(b, r);
    if (!r.comment().isEmpty()) {
      b.appendAscii(" -m comment --comment ");
      appendQuoted(b, r.comment());
    }
    b.appendAscii(" -j ").appendAscii(r.target());
    if (r.target().equals("REJECT")) {
      b.appendAscii(" --reject-with ").appendAscii(r.protocol() == Protocol.TCP ? "tcp-reset"
          : family == Family.V4 ? "icmp-port-unreachable" : "icmp6-port-unreachable");
    }
  }

  /**
   * The destination before Docker's DNAT, in one conntrack match printed as iptables-save does: address,
   * then port, then direction; a single address without its /32 or /128 (unlike -s and -d).
   */
  private static void appendOriginal(Utf8Buffer b, IptRule r) {
    if (r.ctOrigDst().isEmpty() && r.ctOrigDstPort().isEmpty()) {
      return;
    }
    b.appendAscii(" -m conntrack");
    if (r.ctOrigDst().isPresent()) {
      Cidr c = r.ctOrigDst().get();
      b.appendAscii(" --ctorigdst ");
      if (c.prefix() == c.bits()) {
        AddressText.appendAddress(b, c);
      } else {
        AddressText.appendCidr(b, c);
      }
    }
    if (r.ctOrigDstPort().isPresent()) {
      b.appendAscii(" --ctorigdstport ");
      appendPort(b, r.ctOrigDstPort().get());
    }
    b.appendAscii(" --ctdir ORIGINAL");
  }

  private static void appendPorts(Utf8Buffer b, IptRule r) {
    List<PortRange> ports = r.dports();
    if (ports.size() == 1) {
      b.appendAscii(" -m ").appendAscii(protocol(r.protocol())).appendAscii(" --dport ");
      appendPort(b, ports.get(0));
    } else if (ports.size() > 1) {
      b.appendAscii(" -m multiport --dports ");
      for (int i = 0; i < ports.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        appendPort(b, ports.get(i));
      }
    }
  }

  /** {@link PortRange#iptables()}, appended. */
  private static void appendPort(Utf8Buffer b, PortRange p) {
    b.append(p.low());
    if (!p.isSingle()) {
      b.append(':').append(p.high());
    }
  }

  private static void appendLimit(Utf8Buffer b, IptRule r) {
    if (r.limit().isEmpty()) {
      return;
    }
    Rate l = r.limit().get();
    b.appendAscii(" -m limit --limit ").appendAscii(l.iptables());
    if (l.burst() != Rate.DEFAULT_BURST) {
      b.appendAscii(" --limit-burst ").append(l.burst());
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

  /**
   * Quotes as iptables' xtables_save_string does: bare when only {@code [A-Za-z0-9_-]}, else in double
   * quotes with {@code "}, {@code \} and {@code '} escaped. Nothing in a comment can end the argument
   * or the line: the checker has already refused control characters.
   */
  public static String quote(String s) {
    Utf8Buffer b = new Utf8Buffer(s.length() + 8);
    appendQuoted(b, s);
    return b.toString();
  }

  private static void appendQuoted(Utf8Buffer b, String s) {
    boolean bare = !s.isEmpty();
    boolean plain = true; // ASCII, nothing to escape
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bare = bare && (c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
      plain = plain && c >= ' ' && c < 0x7f && c != '"' && c != '\\' && c != '\'';
    }
    if (bare) {
      b.appendAscii(s);
    } else if (plain) {
      b.append('"').appendAscii(s).append('"'); // most comments: a source location and a few words
    } else {
      b.append('"');
      appendEscaped(b, s);
      b.append('"');
    }
  }

  private static void appendEscaped(Utf8Buffer b, String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // A run of non-ASCII text is encoded whole, so a surrogate pair stays one character.
        int end = i + 1;
        while (end < s.length() && s.charAt(end) >= 0x80) {
          end++;
        }
        b.append(s.substring(i, end));
        i = end;
        continue;
      }
      if (c == '"' || c == '\\' || c == '\'') {
        b.append('\\');
      }
      b.append(c < ' ' || c == 0x7f ? ' ' : c);
      i++;
    }
  }

  /**
   * The {@code ipset restore} text that creates or replaces a node's sets atomically: each set is
   * filled under a temporary name and swapped in, so rules never see it empty or half-filled.
   */
  public static String ipsetRestore(List<IpSet> sets) {
    Utf8Buffer b = new Utf8Buffer(64 + sets.stream().mapToInt(s -> s.members().size() * 32).sum());
    appendIpsetRestore(b, sets);
    return b.toString();
  }

  /** Appends {@link #ipsetRestore}'s text: a blocklist set can have a hundred thousand members. */
  public static void appendIpsetRestore(Utf8Buffer b, List<IpSet> sets) {
    for (IpSet s : sets) {
      String family = s.family() == Family.V4 ? "inet" : "inet6";
      String type = s.type();
      String header = " " + type + " family " + family + " maxelem " + Math.max(65536, s.members().size());
      String tmp = s.name() + "-new";
      b.appendAscii("create ").appendAscii(tmp).appendAscii(header).appendAscii("\nflush ").appendAscii(tmp).append('\n');
      boolean addressesOnly = type.equals("hash:ip");
      for (Cidr c : s.members()) {
        b.appendAscii("add ").appendAscii(tmp).append(' ');
        if (addressesOnly) {
          AddressText.appendAddress(b, c);
        } else {
          AddressText.appendCidr(b, c);
        }
        b.append('\n');
      }
      b.append("create ").append(s.name()).append(header).append(" -exist\n")
          .append("swap ").append(tmp).append(' ').append(s.name()).append('\n')
          .append("destroy ").append(tmp).append('\n');
    }
  }
}
