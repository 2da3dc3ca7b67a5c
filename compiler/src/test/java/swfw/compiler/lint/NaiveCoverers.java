package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;

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
}
