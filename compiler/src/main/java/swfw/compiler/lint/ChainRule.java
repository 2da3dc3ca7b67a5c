package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;

/**
 * A rule of one chain as the coverage search ({@link Coverers}) sees it: every packet it matches as one
 * box, and whether it matches every packet of another box, judged dimension by dimension on 128-bit
 * ranges ({@link Wide}) as {@link Coverage} defines covering.
 */
final class ChainRule {
  static final int PORTS = 0;
  static final int FROM = 1;
  static final int TO = 2;
  private static final int DIMENSIONS = BlockIndex.DIMENSIONS;
  private static final int ANY = Protocol.ANY.ordinal();
  /** Every port, IPv4 or IPv6 address as a range: shared by the rules that do not restrict them, never written. */
  private static final long[] ALL_PORTS = {0, 0, 0, 65535};
  private static final long[] ALL_V4 = {0, 0, 0, 0xffffffffL};
  private static final long[] ALL_V6 = {0, 0, -1L, -1L};

  /** Some packets: a protocol, per dimension ranges ({@link Wide}), ICMP types and interfaces ({@code null}: all). */
  record Box(int protocol, long[][] ranges, int[] icmp, String[] ifaces) {}

  final Span span;
  final boolean limited;
  final Box whole;
  final boolean[] any = new boolean[DIMENSIONS];
  /** Per dimension the rule restricts, its ranges joined ({@link Wide#union}); {@code null} where {@link #any}. */
  final long[][] unions = new long[DIMENSIONS][];
  final int[] icmp;

  ChainRule(RuleIr r, boolean outbound) {
    span = r.span();
    limited = r.isLimited();
    long[][] ranges = new long[DIMENSIONS][];
    any[PORTS] = r.ports().isEmpty();
    any[FROM] = r.from().isEmpty();
    any[TO] = r.to().isEmpty();
    long[] all = r.family() == Family.V4 ? ALL_V4 : ALL_V6;
    ranges[PORTS] = any[PORTS] ? ALL_PORTS : ports(r.ports());
    ranges[FROM] = any[FROM] ? all : networks(r.from());
    ranges[TO] = any[TO] ? all : networks(r.to());
    for (int d = 0; d < DIMENSIONS; d++) {
      unions[d] = any[d] ? null : Wide.union(ranges[d]);
    }
    icmp = r.icmpTypes().isEmpty() ? null : new int[r.icmpTypes().size()];
    for (int i = 0; icmp != null && i < icmp.length; i++) {
      icmp[i] = r.icmpTypes().get(i).type();
    }
    String[] ifaces = outbound && !r.ifaces().isEmpty() ? r.ifaces().toArray(new String[0]) : null;
    whole = new Box(r.protocol().ordinal(), ranges, icmp, ifaces);
  }

  private static long[] ports(List<PortRange> ports) {
    long[] out = new long[ports.size() * 4];
    for (int i = 0; i < ports.size(); i++) {
      out[i * 4 + 1] = ports.get(i).low();
      out[i * 4 + 3] = ports.get(i).high();
    }
    return out;
  }

  private static long[] networks(List<Cidr> networks) {
    long[] out = new long[networks.size() * 4];
    for (int i = 0; i < networks.size(); i++) {
      Wide.range(networks.get(i), out, i * 4);
    }
    return out;
  }

  /** The dimensions in which the rule matches less than everything, as bits {@code 1 << dimension}. */
  int restricted() {
    int bits = 0;
    for (int d = 0; d < DIMENSIONS; d++) {
      bits |= any[d] ? 0 : 1 << d;
    }
    return bits;
  }

  /**
   * The box split into boxes of one value per dimension, ports outermost, then ICMP types, sources,
   * destinations and interfaces; none when there would be more than {@link Coverage#MAX_PARTS}.
   */
  List<Box> parts() {
    int[] icmps = whole.icmp == null ? new int[] {0} : whole.icmp;
    String[] names = whole.ifaces == null ? new String[] {null} : whole.ifaces;
    long count = (long) whole.ranges[PORTS].length / 4 * icmps.length * (whole.ranges[FROM].length / 4)
        * (whole.ranges[TO].length / 4) * names.length;
    if (count > Coverage.MAX_PARTS) {
      return List.of();
    }
    List<Box> out = new ArrayList<>();
    for (int p = 0; p < whole.ranges[PORTS].length; p += 4) {
      for (int t : icmps) {
        for (int f = 0; f < whole.ranges[FROM].length; f += 4) {
          for (int d = 0; d < whole.ranges[TO].length; d += 4) {
            for (String i : names) {
              long[][] ranges = {
                Arrays.copyOfRange(whole.ranges[PORTS], p, p + 4),
                Arrays.copyOfRange(whole.ranges[FROM], f, f + 4),
                Arrays.copyOfRange(whole.ranges[TO], d, d + 4)};
              out.add(new Box(whole.protocol, ranges, whole.icmp == null ? null : new int[] {t},
                  i == null ? null : new String[] {i}));
            }
          }
        }
      }
    }
    return out;
  }

  /** Whether this rule matches every packet of {@code b}. */
  boolean covers(Box b) {
    if (whole.protocol != ANY && whole.protocol != b.protocol) {
      return false;
    }
    for (int d = 0; d < DIMENSIONS; d++) {
      if (!any[d] && !holdsAll(unions[d], b.ranges[d])) {
        return false;
      }
    }
    return (icmp == null || b.icmp != null && containsAll(icmp, b.icmp))
        && (whole.ifaces == null || b.ifaces != null && interfacesCovered(b.ifaces));
  }

  private static boolean holdsAll(long[] union, long[] ranges) {
    for (int i = 0; i < ranges.length / 4; i++) {
      if (!Wide.holds(union, ranges, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAll(int[] types, int[] wanted) {
    for (int t : wanted) {
      if (!contains(types, t)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(int[] types, int t) {
    for (int u : types) {
      if (u == t) {
        return true;
      }
    }
    return false;
  }

  private boolean interfacesCovered(String[] names) {
    for (String name : names) {
      if (!matchedByAny(whole.ifaces, name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchedByAny(String[] patterns, String name) {
    for (String pattern : patterns) {
      if (matchesEveryName(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  /** iptables' {@code -o eth+} matches every name starting with "eth": also every name {@code eth1+} matches. */
  static boolean matchesEveryName(String pattern, String name) {
    if (!pattern.endsWith("+")) {
      return pattern.equals(name);
    }
    String stem = name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
    return stem.startsWith(pattern.substring(0, pattern.length() - 1));
  }
}
