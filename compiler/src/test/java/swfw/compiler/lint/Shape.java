package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.IcmpType;

/**
 * The packets one IR rule matches, as a box: a protocol and, per dimension, ranges (ports, source and
 * destination addresses), ICMP types and, for outbound rules, interface patterns.
 */
final class Shape {
  /**
   * Some packets: a protocol and what each dimension holds; {@code null} ICMP types or interfaces mean
   * all of them.
   */
  record Box(Protocol protocol, List<Ranges.Range> ports, List<Integer> icmp, List<Ranges.Range> from,
      List<Ranges.Range> to, List<String> ifaces) {}

  private final Span span;
  private final boolean limited;
  private final Box whole;
  private final List<Ranges.Range> portUnion;
  private final List<Ranges.Range> fromUnion;
  private final List<Ranges.Range> toUnion;
  private final boolean anyPort;
  private final boolean anyFrom;
  private final boolean anyTo;

  private Shape(RuleIr r, boolean outbound) {
    span = r.span();
    limited = r.isLimited();
    anyPort = r.ports().isEmpty();
    anyFrom = r.from().isEmpty();
    anyTo = r.to().isEmpty();
    Ranges.Range all = Ranges.whole(r.family());
    whole = new Box(r.protocol(),
        anyPort ? List.of(Ranges.ALL_PORTS) : r.ports().stream().map(Ranges::of).toList(),
        r.icmpTypes().isEmpty() ? null : r.icmpTypes().stream().map(IcmpType::type).toList(),
        anyFrom ? List.of(all) : r.from().stream().map(Ranges::of).toList(),
        anyTo ? List.of(all) : r.to().stream().map(Ranges::of).toList(),
        outbound && !r.ifaces().isEmpty() ? r.ifaces() : null);
    portUnion = Ranges.union(whole.ports());
    fromUnion = Ranges.union(whole.from());
    toUnion = Ranges.union(whole.to());
  }

  static Shape of(RuleIr r, boolean outbound) {
    return new Shape(r, outbound);
  }

  Span span() {
    return span;
  }

  boolean limited() {
    return limited;
  }

  /** Every packet of the rule, as one box. */
  Box whole() {
    return whole;
  }

  /** The rule split into boxes of one value per dimension; just {@link #whole()} when there would be more than {@code max}. */
  List<Box> parts(int max) {
    List<Integer> icmps = whole.icmp() == null ? Arrays.asList((Integer) null) : whole.icmp();
    List<String> names = whole.ifaces() == null ? Arrays.asList((String) null) : whole.ifaces();
    long count = (long) whole.ports().size() * icmps.size() * whole.from().size() * whole.to().size() * names.size();
    if (count > max) {
      return List.of(whole);
    }
    List<Box> out = new ArrayList<>();
    for (Ranges.Range p : whole.ports()) {
      for (Integer t : icmps) {
        for (Ranges.Range f : whole.from()) {
          for (Ranges.Range d : whole.to()) {
            for (String i : names) {
              out.add(new Box(whole.protocol(), List.of(p), t == null ? null : List.of(t), List.of(f), List.of(d),
                  i == null ? null : List.of(i)));
            }
          }
        }
      }
    }
    return out;
  }

  /** Whether this rule matches every packet of {@code b} (a box of a rule of the same family and chain). */
  boolean covers(Box b) {
    return (whole.protocol() == Protocol.ANY || whole.protocol() == b.protocol())
        && (anyPort || b.ports().stream().allMatch(r -> Ranges.holds(portUnion, r)))
        && (whole.icmp() == null || b.icmp() != null && whole.icmp().containsAll(b.icmp()))
        && (anyFrom || b.from().stream().allMatch(r -> Ranges.holds(fromUnion, r)))
        && (anyTo || b.to().stream().allMatch(r -> Ranges.holds(toUnion, r)))
        && (whole.ifaces() == null || b.ifaces() != null && b.ifaces().stream().allMatch(this::interfaceCovered));
  }

  private boolean interfaceCovered(String name) {
    return whole.ifaces().stream().anyMatch(pattern -> matchesEveryName(pattern, name));
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
