package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.check.Resolved;
import swfw.dsl.value.Family;

/**
 * Which statements can never match because earlier rules of the same chain decide every packet they
 * match. Chains are as the lowering builds them: per node, family and direction, one per guarded
 * interface for inbound and published rules, one for outbound rules.
 *
 * <p>Sound and conservative: a rule counts as covered only when each of its parts (one port range,
 * ICMP type, source, destination and outbound interface) lies wholly inside ONE earlier rule, judged
 * dimension by dimension (protocol, ports, ICMP types, source and destination networks, interfaces);
 * covers that need several earlier rules for one part go unreported. A statement is reported only when
 * every rule it yields, in every node, family and chain, is covered. A rate-limited inbound rule covers
 * too, since the packets over its limit are dropped right after it. Inbound rules are judged on new
 * connections, which is all that reaches them past the conntrack accept (swfw never marks packets
 * UNTRACKED); a rate-limited outbound rule matches only new connections, so it covers nothing.
 *
 * <p>Coverers are the first earlier rule that covers the whole rule or else, part by part, the first that
 * covers each part. {@link Coverers} finds them through an index rather than by comparing each rule with
 * every earlier one, which took minutes on 100,000 rules; the tests hold it to that plain search.
 */
final class Coverage {
  /** Atoms of a rule tried one by one, at most: beyond, only whole-rule covers are looked for. */
  static final int MAX_PARTS = 256;

  /** A statement none of whose rules can ever match, and the statements that decide its packets first. */
  record Covered(Span statement, List<Span> coverers) {}

  private final Map<Span, int[]> placements = new LinkedHashMap<>();
  private final Map<Span, Set<Span>> coverers = new LinkedHashMap<>();

  private Coverage() {}

  /** Per rule of a chain, in order: the earlier rules that together decide all its packets, if any. */
  interface Search {
    List<Optional<List<Span>>> coverers(List<RuleIr> chain, boolean outbound);
  }

  static List<Covered> find(List<NodeIr> nodes) {
    return find(nodes, Coverers::of);
  }

  static List<Covered> find(List<NodeIr> nodes, Search search) {
    Coverage c = new Coverage();
    for (NodeIr node : nodes) {
      for (Family family : Family.values()) {
        for (Direction d : List.of(Direction.INBOUND, Direction.PUBLISHED)) {
          Map<String, List<RuleIr>> byIface = RuleIr.byIface(node.rules(family, d));
          for (Guard g : node.guarded()) {
            c.chain(byIface.getOrDefault(g.iface(), List.of()), false, search);
          }
        }
        c.chain(node.rules(family, Direction.OUTBOUND), true, search);
      }
    }
    List<Covered> out = new ArrayList<>();
    c.placements.forEach((span, counts) -> {
      if (counts[0] > 0 && counts[0] == counts[1]) {
        out.add(new Covered(span, List.copyOf(c.coverers.get(span))));
      }
    });
    return out;
  }

  /** The covered statements of a policy, each with what kind of finding it is. */
  record Result(List<Covered> covered, Map<Span, Kind> kinds, Map<Span, Boolean> limited) {
    List<Covered> of(Kind kind) {
      return covered.stream().filter(c -> kinds.get(c.statement()) == kind).toList();
    }
  }

  /** Identical to its one coverer; covered by rules of its own verdict; covered by a rule of another verdict. */
  enum Kind {
    DUPLICATE,
    SHADOWED,
    OVERRIDDEN
  }

  static Result of(LintContext policy) {
    return of(policy, Coverers::of);
  }

  static Result of(LintContext policy, Search search) {
    List<NodeIr> nodes = policy.compiled().ir().nodes();
    List<Covered> covered = find(nodes, search);
    Map<Span, Kind> kinds = new LinkedHashMap<>();
    Map<Span, Boolean> limited = new LinkedHashMap<>();
    Set<Span> limitedRules = new HashSet<>();
    for (NodeIr n : nodes) {
      n.rules().stream().filter(RuleIr::isLimited).forEach(r -> limitedRules.add(r.span()));
    }
    for (Covered c : covered) {
      kinds.put(c.statement(), kind(c, policy.filters()));
      limited.put(c.statement(), c.coverers().stream().anyMatch(limitedRules::contains));
    }
    return new Result(covered, kinds, limited);
  }

  private static Kind kind(Covered c, Map<Span, Resolved.Filter> filters) {
    Resolved.Filter mine = filters.get(c.statement());
    List<Resolved.Filter> by = c.coverers().stream().map(filters::get).toList();
    if (by.size() == 1 && by.get(0).verb() == mine.verb() && by.get(0).outbound() == mine.outbound()
        && by.get(0).match().equals(mine.match())) {
      return Kind.DUPLICATE;
    }
    return by.stream().allMatch(f -> verdict(f).equals(verdict(mine))) ? Kind.SHADOWED : Kind.OVERRIDDEN;
  }

  private void chain(List<RuleIr> rules, boolean outbound, Search search) {
    if (rules.isEmpty()) {
      return;
    }
    List<Optional<List<Span>>> found = search.coverers(rules, outbound);
    for (int i = 0; i < rules.size(); i++) {
      Span span = rules.get(i).span();
      int[] counts = placements.computeIfAbsent(span, s -> new int[2]);
      counts[0]++;
      Optional<List<Span>> by = found.get(i);
      if (by.isPresent()) {
        counts[1]++;
        coverers.computeIfAbsent(span, s -> new LinkedHashSet<>()).addAll(by.get());
      }
    }
  }

  /** The verdict class of a statement: what it does with the packets it matches. */
  static String verdict(Resolved.Filter f) {
    return switch (f.verb()) {
      case DENY -> "drop";
      case REJECT -> "reject";
      default -> "accept";
    };
  }
}
