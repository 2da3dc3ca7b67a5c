package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.RuleIr;
import swfw.compiler.ir.Verdict;
import swfw.diag.Span;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;

/**
 * Lowers one policy rule of one family to its iptables rules, and keeps the kernel sets that long
 * address lists became. {@link RulesetBuilder} places the rules in chains.
 */
final class RuleLowering {
  static final int MULTIPORT_SLOTS = 15;

  private final Family family;
  private final Function<Span, String> location;
  private final Map<String, IpSet> sets = new LinkedHashMap<>();

  RuleLowering(Family family, Function<Span, String> location) {
    this.family = family;
    this.location = location;
  }

  /** The kernel sets the rules lowered so far match, in the order they were first needed. */
  List<IpSet> sets() {
    return List.copyOf(sets.values());
  }

  /**
   * Whether a rule after the conntrack accept lowers to exactly one iptables rule ({@link #lower}) made
   * from nothing but the rule, so that {@link LazyRules} can make it when asked for: one address or
   * none each way (no kernel set), one interface, no more ports than fit one multiport match, no rate
   * limit (which adds a second rule). Not an ICMP rule either: {@link IcmpRuns} reads those.
   */
  static boolean makesOne(RuleIr r) {
    return !r.isLimited() && !r.protocol().isIcmp() && r.from().size() <= 1 && r.to().size() <= 1
        && (r.direction() != Direction.OUTBOUND || r.ifaces().size() <= 1) && r.ports().size() <= MULTIPORT_SLOTS / 2;
  }

  /** The one iptables rule of a rule after the conntrack accept that {@link #makesOne}. */
  IptRule one(RuleIr r) {
    List<IptRule> out = new ArrayList<>(1);
    lower(r, false, out);
    return out.get(0);
  }

  /** One policy rule → iptables rules: one per source, destination, interface and port chunk or ICMP type. */
  void lower(RuleIr r, boolean beforeConntrack, List<IptRule> out) {
    boolean outbound = r.direction() == Direction.OUTBOUND;
    List<Optional<String>> ifaces = outbound && !r.ifaces().isEmpty() ? present(r.ifaces()) : ANY_INTERFACE;
    Optional<String> states = (beforeConntrack || outbound && r.isLimited()) && !r.protocol().isIcmp()
        ? Optional.of("NEW") : Optional.empty();
    List<Addr> sources = addresses(r.from());
    List<Addr> destinations = addresses(r.to());
    List<Match> matches = matches(r);
    // Each iptables rule of a policy rule shares its comment, source and target: made once.
    String comment = comment(r);
    String overLimit = r.isLimited() ? comment + " (over limit)" : comment;
    Optional<Span> source = Optional.of(r.span());
    String target = target(r.verdict());
    // Indexed loops: C1, which swfw runs on, allocates every iterator, four per policy rule here.
    for (int i = 0; i < ifaces.size(); i++) {
      for (int s = 0; s < sources.size(); s++) {
        Addr src = sources.get(s);
        for (int d = 0; d < destinations.size(); d++) {
          Addr dst = destinations.get(d);
          for (int k = 0; k < matches.size(); k++) {
            Match m = matches.get(k);
            IptRule rule = new IptRule(src.cidr(), dst.cidr(), Optional.empty(), ifaces.get(i), r.protocol(), m.ports,
                m.icmp, Optional.empty(), states, Optional.empty(), r.limit(), comment, target, source, src.set(), dst.set());
            out.add(rule);
            if (r.isLimited()) {
              out.add(rule.withoutLimit().withTarget("DROP", overLimit));
            }
          }
        }
      }
    }
  }

  private static final List<Optional<String>> ANY_INTERFACE = List.of(Optional.empty());

  private static List<Optional<String>> present(List<String> ifaces) {
    List<Optional<String>> out = new ArrayList<>(ifaces.size());
    for (String i : ifaces) {
      out.add(Optional.of(i));
    }
    return out;
  }

  private record Match(List<PortRange> ports, Optional<IcmpType> icmp) {}

  private static final List<Match> ANY_PORT = List.of(new Match(List.of(), Optional.empty()));

  private static List<Match> matches(RuleIr r) {
    if (r.protocol().isIcmp() && !r.icmpTypes().isEmpty()) {
      List<Match> out = new ArrayList<>(r.icmpTypes().size());
      for (IcmpType t : r.icmpTypes()) {
        out.add(new Match(List.of(), Optional.of(t)));
      }
      return out;
    }
    if (r.protocol().hasPorts() && !r.ports().isEmpty()) {
      List<List<PortRange>> chunks = chunks(r.ports());
      if (chunks.size() == 1) {
        return List.of(new Match(chunks.get(0), Optional.empty()));
      }
      List<Match> out = new ArrayList<>(chunks.size());
      for (List<PortRange> c : chunks) {
        out.add(new Match(c, Optional.empty()));
      }
      return out;
    }
    return ANY_PORT;
  }

  /** multiport takes at most 15 slots, a range counting as two. */
  static List<List<PortRange>> chunks(List<PortRange> ports) {
    if (!ports.isEmpty() && ports.size() <= MULTIPORT_SLOTS / 2) {
      return List.of(ports); // fits whatever it holds: most rules name a port or a few
    }
    List<List<PortRange>> out = new ArrayList<>();
    List<PortRange> current = new ArrayList<>();
    int slots = 0;
    for (PortRange p : ports) {
      int need = p.isSingle() ? 1 : 2;
      if (slots + need > MULTIPORT_SLOTS) {
        out.add(current);
        current = new ArrayList<>();
        slots = 0;
      }
      current.add(p);
      slots += need;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** An address match: one address or network, a kernel set, or neither (any). */
  record Addr(Optional<Cidr> cidr, Optional<IpSet> set) {}

  private static final List<Addr> ANY_ADDRESS = List.of(new Addr(Optional.empty(), Optional.empty()));

  /** One match per address, or a single kernel set when the list is long. */
  List<Addr> addresses(List<Cidr> cidrs) {
    if (cidrs.isEmpty()) {
      return ANY_ADDRESS;
    }
    if (cidrs.size() > IpSet.THRESHOLD) {
      IpSet set = sets.computeIfAbsent(IpSet.of(family, cidrs).name(), k -> IpSet.of(family, cidrs));
      return List.of(new Addr(Optional.empty(), Optional.of(set)));
    }
    if (cidrs.size() == 1) {
      return List.of(new Addr(Optional.of(cidrs.get(0)), Optional.empty()));
    }
    List<Addr> out = new ArrayList<>(cidrs.size());
    for (int i = 0; i < cidrs.size(); i++) {
      out.add(new Addr(Optional.of(cidrs.get(i)), Optional.empty()));
    }
    return out;
  }

  String comment(RuleIr r) {
    String where = location.apply(r.span());
    return r.comment().isPresent() ? where + " " + r.comment().get() : where;
  }

  private static String target(Verdict v) {
    return switch (v) {
      case ACCEPT -> "ACCEPT";
      case DROP -> "DROP";
      case REJECT -> "REJECT";
    };
  }
}
