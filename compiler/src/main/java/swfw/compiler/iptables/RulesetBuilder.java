package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.compiler.ir.Verdict;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;

/**
 * Lowers one node's intermediate policy to swfw's chains for one family.
 *
 * <p>Each guarded interface gets an input chain laid out as: rules up to the last rate-limited one
 * (before conntrack, or a ping flood that is ESTABLISHED after its first packet skips the limit),
 * RELATED,ESTABLISHED accepted, the ICMPv6 that IPv6 needs (v6), INVALID dropped, the remaining
 * rules, then drop. Rules before the conntrack accept match only NEW connections (ICMP excepted), so
 * return traffic keeps working and the order of the policy's rules is kept. Forwarded traffic from a
 * guarded interface (Docker-published ports) is dropped in DOCKER-USER except established flows and
 * {@code publish} exceptions, matched on the port and node address before Docker's DNAT (conntrack's
 * original tuple; sources are not translated, so {@code -s}); allowed traffic RETURNs so Docker's own
 * checks still run.
 */
public final class RulesetBuilder {
  public static final String OUTPUT = "SWFW-OUTPUT";
  public static final String ESTABLISHED = "RELATED,ESTABLISHED";
  static final int MULTIPORT_SLOTS = 15;
  private static final int[] REQUIRED_ICMPV6_ERRORS = {1, 2, 3, 4};
  private static final int[] NEIGHBOUR_DISCOVERY = {133, 134, 135, 136};

  private final NodeIr node;
  private final Family family;
  private final Function<Span, String> location;
  private final java.util.Map<String, IpSet> sets = new java.util.LinkedHashMap<>();

  private RulesetBuilder(NodeIr node, Family family, Function<Span, String> location) {
    this.node = node;
    this.family = family;
    this.location = location;
  }

  /** @param location how a rule comment names its source, e.g. {@code cluster.swfw:12} */
  public static Ruleset build(NodeIr node, Family family, Function<Span, String> location) {
    return new RulesetBuilder(node, family, location).build();
  }

  public static String inputChain(String iface) {
    return "SWFW-IN-" + chainSafe(iface);
  }

  public static String forwardChain(String iface) {
    return "SWFW-FWD-" + chainSafe(iface);
  }

  /** Interface names are checked, but '+' and '@' read badly in chain names. */
  private static String chainSafe(String iface) {
    return iface.replace('+', '_').replace('@', '_');
  }

  private Ruleset build() {
    List<Chain> chains = new ArrayList<>();
    List<Hook> hooks = new ArrayList<>();
    for (Guard g : node.guarded()) {
      chains.addAll(IcmpRuns.split(inputChain(g.iface()), inputRules(g)));
      hooks.add(new Hook("INPUT", Optional.of(g.iface()), inputChain(g.iface())));
    }
    for (Guard g : node.guarded()) {
      chains.add(new Chain(forwardChain(g.iface()), forwardRules(g)));
      hooks.add(new Hook("DOCKER-USER", Optional.of(g.iface()), forwardChain(g.iface())));
    }
    List<RuleIr> outbound = node.rules(family, Direction.OUTBOUND);
    if (!outbound.isEmpty()) {
      chains.addAll(IcmpRuns.split(OUTPUT, outputRules(outbound)));
      hooks.add(new Hook("OUTPUT", Optional.empty(), OUTPUT));
    }
    return new Ruleset(node.role(), family, chains, hooks, List.copyOf(sets.values()));
  }

  private List<IptRule> inputRules(Guard g) {
    List<RuleIr> rules = node.rules(family, Direction.INBOUND).stream()
        .filter(r -> r.ifaces().contains(g.iface())).toList();
    boolean[] early = beforeConntrack(rules);
    List<IptRule> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (early[i]) {
        lower(rules.get(i), true, out);
      }
    }
    String where = location.apply(g.span());
    out.add(state(ESTABLISHED, "ACCEPT", where + " established", g.span()));
    if (family == Family.V6) {
      requiredIcmpv6(out);
    }
    out.add(state("INVALID", "DROP", where + " invalid", g.span()));
    for (int i = 0; i < rules.size(); i++) {
      if (!early[i]) {
        lower(rules.get(i), false, out);
      }
    }
    out.add(IptRule.plain("DROP", where + " default deny on " + g.iface(), Optional.of(g.span())));
    return out;
  }

  /**
   * Which rules go before the conntrack accept: every rate-limited rule, and every earlier rule that
   * shares packets with one already placed there (decided from the last backwards), so first-match
   * order is kept for every packet while the rules most packets never need stay after it. Each rule is
   * compared only with the rules already placed early, so a policy without limits costs one pass.
   */
  static boolean[] beforeConntrack(List<RuleIr> rules) {
    boolean[] early = new boolean[rules.size()];
    List<RuleIr> placed = new ArrayList<>();
    for (int i = rules.size() - 1; i >= 0; i--) {
      RuleIr rule = rules.get(i);
      early[i] = rule.isLimited();
      for (int j = 0; j < placed.size() && !early[i]; j++) {
        early[i] = Overlap.mayOverlap(rule, placed.get(j));
      }
      if (early[i]) {
        placed.add(rule);
      }
    }
    return early;
  }

  private static IptRule state(String states, String target, String comment, Span span) {
    return IptRule.plain(target, comment, Optional.of(span)).withCtstates(states);
  }

  /** IPv6 does not work without these; NDP is untracked by conntrack, so no state rule lets it in. */
  private static void requiredIcmpv6(List<IptRule> out) {
    for (int type : REQUIRED_ICMPV6_ERRORS) {
      out.add(icmpv6(type, Optional.empty(), "swfw: ICMPv6 error IPv6 needs"));
    }
    for (int type : NEIGHBOUR_DISCOVERY) {
      out.add(icmpv6(type, Optional.of(255), "swfw: neighbour discovery"));
    }
  }

  private static IptRule icmpv6(int type, Optional<Integer> hopLimit, String comment) {
    return new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Protocol.ICMPV6, List.of(),
        Optional.of(new IcmpType(Family.V6, type)), hopLimit, Optional.empty(), Optional.empty(), Optional.empty(),
        comment, "ACCEPT", Optional.empty());
  }

  private List<IptRule> forwardRules(Guard g) {
    List<IptRule> out = new ArrayList<>();
    String where = location.apply(g.span());
    out.add(state(ESTABLISHED, "RETURN", where + " established", g.span()));
    for (RuleIr r : node.rules(family, Direction.PUBLISHED)) {
      if (!r.ifaces().contains(g.iface())) {
        continue;
      }
      for (Addr src : addresses(r.from())) {
        for (Optional<Cidr> dst : originalDestinations(r.to())) {
          for (PortRange port : r.ports()) {
            out.add(new IptRule(src.cidr(), Optional.empty(), Optional.empty(), Optional.empty(), r.protocol(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(port), Optional.empty(),
                comment(r), "RETURN", Optional.of(r.span()), src.set(), Optional.empty(), dst));
          }
        }
      }
    }
    out.add(IptRule.plain("DROP", where + " published ports closed on " + g.iface(), Optional.of(g.span())));
    return out;
  }

  /**
   * A publish's {@code to}: the node addresses a client connects to. DOCKER-USER sees packets after
   * Docker's DNAT, so {@code -d} (and a kernel set's {@code dst}, which has no pre-DNAT form) would match
   * the container; each address is one {@code --ctorigdst} rule instead, however long the list.
   */
  private static List<Optional<Cidr>> originalDestinations(List<Cidr> to) {
    return to.isEmpty() ? List.of(Optional.empty()) : to.stream().map(Optional::of).toList();
  }

  private List<IptRule> outputRules(List<RuleIr> rules) {
    List<IptRule> out = new ArrayList<>();
    out.add(IptRule.plain("ACCEPT", "swfw: established", Optional.empty()).withCtstates(ESTABLISHED));
    for (RuleIr r : rules) {
      lower(r, false, out);
    }
    return out;
  }

  /** One policy rule → iptables rules: one per source, destination, interface and port chunk or ICMP type. */
  private void lower(RuleIr r, boolean beforeConntrack, List<IptRule> out) {
    boolean outbound = r.direction() == Direction.OUTBOUND;
    List<Optional<String>> ifaces = outbound ? r.ifaces().stream().map(Optional::of).toList() : List.of(Optional.empty());
    if (ifaces.isEmpty()) {
      ifaces = List.of(Optional.empty());
    }
    Optional<String> states = (beforeConntrack || outbound && r.isLimited()) && !r.protocol().isIcmp()
        ? Optional.of("NEW") : Optional.empty();
    for (Optional<String> iface : ifaces) {
      for (Addr src : addresses(r.from())) {
        for (Addr dst : addresses(r.to())) {
          for (Match m : matches(r)) {
            IptRule rule = new IptRule(src.cidr(), dst.cidr(), Optional.empty(), iface, r.protocol(), m.ports, m.icmp,
                Optional.empty(), states, Optional.empty(), r.limit(), comment(r), target(r.verdict()),
                Optional.of(r.span()), src.set(), dst.set());
            out.add(rule);
            if (r.isLimited()) {
              out.add(rule.withoutLimit().withTarget("DROP", comment(r) + " (over limit)"));
            }
          }
        }
      }
    }
  }

  private record Match(List<PortRange> ports, Optional<IcmpType> icmp) {}

  private static List<Match> matches(RuleIr r) {
    List<Match> out = new ArrayList<>();
    if (r.protocol().isIcmp() && !r.icmpTypes().isEmpty()) {
      r.icmpTypes().forEach(t -> out.add(new Match(List.of(), Optional.of(t))));
    } else if (r.protocol().hasPorts() && !r.ports().isEmpty()) {
      chunks(r.ports()).forEach(c -> out.add(new Match(c, Optional.empty())));
    } else {
      out.add(new Match(List.of(), Optional.empty()));
    }
    return out;
  }

  /** multiport takes at most 15 slots, a range counting as two. */
  static List<List<PortRange>> chunks(List<PortRange> ports) {
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
  private record Addr(Optional<Cidr> cidr, Optional<IpSet> set) {}

  /** One match per address, or a single kernel set when the list is long. */
  private List<Addr> addresses(List<Cidr> cidrs) {
    if (cidrs.isEmpty()) {
      return List.of(new Addr(Optional.empty(), Optional.empty()));
    }
    if (cidrs.size() > IpSet.THRESHOLD) {
      IpSet set = sets.computeIfAbsent(IpSet.of(family, cidrs).name(), k -> IpSet.of(family, cidrs));
      return List.of(new Addr(Optional.empty(), Optional.of(set)));
    }
    List<Addr> out = new ArrayList<>(cidrs.size());
    for (Cidr c : cidrs) {
      out.add(new Addr(Optional.of(c), Optional.empty()));
    }
    return out;
  }

  private String comment(RuleIr r) {
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
