package swfw.compiler.lint;

import java.util.ArrayList;
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
import swfw.dsl.value.Family;

/**
 * The coverage search as it was first written, every rule against every earlier one with BigInteger
 * ranges ({@link Shape}): quadratic, and the oracle the indexed search ({@link Coverers}) must agree with.
 */
final class NaiveCoverers {
  private NaiveCoverers() {}

  static List<Optional<List<Span>>> of(List<RuleIr> chain, boolean outbound) {
    List<Shape> shapes = chain.stream().map(r -> Shape.of(r, outbound)).toList();
    List<Optional<List<Span>>> out = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      out.add(coverers(shapes.get(i), shapes.subList(0, i), outbound));
    }
    return out;
  }

  /** The earlier rules that together decide every packet of {@code rule}, or empty when some part escapes. */
  static Optional<List<Span>> coverers(Shape rule, List<Shape> earlier, boolean outbound) {
    List<Shape> candidates = earlier.stream().filter(e -> !(outbound && e.limited())).toList();
    for (Shape e : candidates) {
      if (e.covers(rule.whole())) {
        return Optional.of(List.of(e.span()));
      }
    }
    List<Shape.Box> parts = rule.parts(Coverage.MAX_PARTS);
    if (parts.size() <= 1) {
      return Optional.empty();
    }
    Set<Span> by = new LinkedHashSet<>();
    for (Shape.Box part : parts) {
      Optional<Shape> e = candidates.stream().filter(c -> c.covers(part)).findFirst();
      if (e.isEmpty()) {
        return Optional.empty();
      }
      by.add(e.get().span());
    }
    return Optional.of(List.copyOf(by));
  }

  /** The covered statements of {@code nodes} as first found: each guard's chain filtered from all the node's rules. */
  static List<Coverage.Covered> find(List<NodeIr> nodes) {
    Map<Span, int[]> placements = new LinkedHashMap<>();
    Map<Span, Set<Span>> coverers = new LinkedHashMap<>();
    for (NodeIr node : nodes) {
      for (Family family : Family.values()) {
        for (Direction d : List.of(Direction.INBOUND, Direction.PUBLISHED)) {
          for (Guard g : node.guarded()) {
            chain(node.rules(family, d).stream().filter(r -> r.ifaces().contains(g.iface())).toList(), false,
                placements, coverers);
          }
        }
        chain(node.rules(family, Direction.OUTBOUND), true, placements, coverers);
      }
    }
    List<Coverage.Covered> out = new ArrayList<>();
    placements.forEach((span, counts) -> {
      if (counts[0] > 0 && counts[0] == counts[1]) {
        out.add(new Coverage.Covered(span, List.copyOf(coverers.get(span))));
      }
    });
    return out;
  }

  private static void chain(List<RuleIr> rules, boolean outbound, Map<Span, int[]> placements,
      Map<Span, Set<Span>> coverers) {
    List<Optional<List<Span>>> found = of(rules, outbound);
    for (int i = 0; i < rules.size(); i++) {
      Span span = rules.get(i).span();
      int[] counts = placements.computeIfAbsent(span, s -> new int[2]);
      counts[0]++;
      if (found.get(i).isPresent()) {
        counts[1]++;
        coverers.computeIfAbsent(span, s -> new LinkedHashSet<>()).addAll(found.get(i).get());
      }
    }
  }
}
