package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
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
  private static final int[] REQUIRED_ICMPV6_ERRORS = {1, 2, 3, 4};
  private static final int[] NEIGHBOUR_DISCOVERY = {133, 134, 135, 136};

  private final NodeIr node;
  private final Family family;
  private final Function<Span, String> location;
  private final RuleLowering lowering;
  /** This family's rules by direction, in order: sorted out once, not once per chain and interface. */
  private final Map<Direction, List<RuleIr>> rules = new EnumMap<>(Direction.class);
  /**
   * This family's inbound and published rules by interface, in order: grouped in one pass, where
   * filtering them once per guarded interface was quadratic in the number of interfaces.
   */
  private final Map<Direction, Map<String, List<RuleIr>>> onIface = new EnumMap<>(Direction.class);
  /** The directions with a rate-limited rule: only their chains have rules before the conntrack accept. */
  private final Set<Direction> limited = EnumSet.noneOf(Direction.class);

  private RulesetBuilder(NodeIr node, Family family, Function<Span, String> location) {
    this.node = node;
    this.family = family;
    this.location = location;
    this.lowering = new RuleLowering(family, location);
    for (Direction d : Direction.values()) {
      rules.put(d, new ArrayList<>());
    }
    for (RuleIr r : node.rules()) {
      if (r.family() == family) {
        rules.get(r.direction()).add(r);
        if (r.isLimited()) {
          limited.add(r.direction());
        }
      }
    }
    onIface.put(Direction.INBOUND, RuleIr.byIface(rules.get(Direction.INBOUND)));
    onIface.put(Direction.PUBLISHED, RuleIr.byIface(rules.get(Direction.PUBLISHED)));
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
    List<RuleIr> outbound = rules.get(Direction.OUTBOUND);
    if (!outbound.isEmpty()) {
      chains.addAll(IcmpRuns.split(OUTPUT, outputRules(outbound)));
      hooks.add(new Hook("OUTPUT", Optional.empty(), OUTPUT));
    }
    return new Ruleset(node.role(), family, chains, hooks, lowering.sets());
  }

  private LazyRules inputRules(Guard g) {
    List<RuleIr> mine = on(g, Direction.INBOUND);
    // Without a rate limit no rule goes before the conntrack accept: two passes over a big chain saved.
    boolean[] early = limited.contains(Direction.INBOUND) ? beforeConntrack(mine) : null;
    LazyRules.Builder out = new LazyRules.Builder(mine.size() + 16, lowering::one);
    for (int i = 0; early != null && i < mine.size(); i++) {
      if (early[i]) {
        add(mine.get(i), true, out);
      }
    }
    String where = location.apply(g.span());
    out.add(state(ESTABLISHED, "ACCEPT", where + " established", g.span()));
    if (family == Family.V6) {
      requiredIcmpv6(out);
    }
    out.add(state("INVALID", "DROP", where + " invalid", g.span()));
    for (int i = 0; i < mine.size(); i++) {
      if (early == null || !early[i]) {
        add(mine.get(i), false, out);
      }
    }
    out.add(IptRule.plain("DROP", where + " default deny on " + g.iface(), Optional.of(g.span())));
    return out.build();
  }

  /** A rule's iptables rules, made now or, for the many that make one each, when asked for. */
  private void add(RuleIr r, boolean beforeConntrack, LazyRules.Builder out) {
    if (!beforeConntrack && RuleLowering.makesOne(r)) {
      out.addMadeLater(r);
      return;
    }
    List<IptRule> made = new ArrayList<>();
    lowering.lower(r, beforeConntrack, made);
    for (int i = 0; i < made.size(); i++) {
      out.add(made.get(i));
    }
  }

  /** The rules of a direction that filter on the guarded interface, in order. */
  private List<RuleIr> on(Guard g, Direction direction) {
    return onIface.get(direction).getOrDefault(g.iface(), List.of());
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
  private static void requiredIcmpv6(LazyRules.Builder out) {
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
    for (RuleIr r : on(g, Direction.PUBLISHED)) {
      for (RuleLowering.Addr src : lowering.addresses(r.from())) {
        for (Optional<Cidr> dst : originalDestinations(r.to())) {
          for (PortRange port : r.ports()) {
            out.add(new IptRule(src.cidr(), Optional.empty(), Optional.empty(), Optional.empty(), r.protocol(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(port), Optional.empty(),
                lowering.comment(r), "RETURN", Optional.of(r.span()), src.set(), Optional.empty(), dst));
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

  private LazyRules outputRules(List<RuleIr> rules) {
    LazyRules.Builder out = new LazyRules.Builder(rules.size() + 1, lowering::one);
    out.add(IptRule.plain("ACCEPT", "swfw: established", Optional.empty()).withCtstates(ESTABLISHED));
    for (int i = 0; i < rules.size(); i++) {
      add(rules.get(i), false, out);
    }
    return out.build();
  }
}
