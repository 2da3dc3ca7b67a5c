package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;

/**
 * The earlier rules that cover each rule of one chain, as {@link Coverage} defines covering: the first
 * earlier rule that covers the whole rule, or else, part by part, the first that covers each part.
 * Instead of comparing a rule with every earlier one, earlier rules are filed by protocol and by the
 * aligned blocks their ports, sources and destinations are made of ({@link BlockIndex}); a rule is
 * compared only with those filed at a block that holds one of its ranges, in the dimension where there
 * are fewest.
 */
final class Coverers {
  private static final int DIMENSIONS = BlockIndex.DIMENSIONS;
  private static final int ANY = Protocol.ANY.ordinal();
  private static final long[] ANY_IFACE = {BlockIndex.ANY_IFACE};

  /**
   * How hard to look for few candidates: at most {@code tried} ranges of each dimension of a box (any
   * one will do), the combined filing only past {@code few} candidates, and its limits (see
   * {@link BlockIndex}). They change the time taken, never the answer.
   */
  record Tuning(int tried, int few, int maxCombined, int maxShapes) {
    static final Tuning DEFAULT = new Tuning(8, 32, 64, 256);
  }

  private final ChainRule[] rules;
  private final Tuning tuning;
  private final BlockIndex index;
  private BlockIndex.Found found = new BlockIndex.Found();
  private BlockIndex.Found trying = new BlockIndex.Found();
  private final BlockIndex.Blocks[] tried = new BlockIndex.Blocks[DIMENSIONS];
  /** Per dimension, which of the blocks tried has the fewest candidates, and how many. */
  private final int[] fewestIn = new int[DIMENSIONS];
  private final long[] fewestInCount = new long[DIMENSIONS];
  /** The interface keys the box being looked up is looked up under ({@link #ifaces}). */
  private long[] ifaces;

  private Coverers(List<RuleIr> chain, boolean outbound, Tuning tuning) {
    rules = chain.stream().map(r -> new ChainRule(r, outbound)).toArray(ChainRule[]::new);
    this.tuning = tuning;
    index = new BlockIndex(Protocol.values().length, tuning.maxCombined(), tuning.maxShapes());
    int restricted = 0;
    for (ChainRule r : rules) {
      restricted |= r.restricted();
    }
    if (Integer.bitCount(restricted) <= 1) {
      // Rules that all match everything in the other dimensions are all filed at the root there: a
      // combined lookup would find what a lookup in the one restricted dimension finds.
      index.giveUpCombined();
    }
  }

  /** Per rule of {@code chain}, in order: the earlier rules that together decide all its packets, if any. */
  static List<Optional<List<Span>>> of(List<RuleIr> chain, boolean outbound) {
    return of(chain, outbound, Tuning.DEFAULT);
  }

  static List<Optional<List<Span>>> of(List<RuleIr> chain, boolean outbound, Tuning tuning) {
    Coverers c = new Coverers(chain, outbound, tuning);
    List<Optional<List<Span>>> out = new ArrayList<>(chain.size());
    for (int i = 0; i < c.rules.length; i++) {
      out.add(c.coverers(c.rules[i]));
      if (!(outbound && c.rules[i].limited)) {
        c.file(i);
      }
    }
    return out;
  }

  private Optional<List<Span>> coverers(ChainRule rule) {
    int first = first(rule.whole);
    if (first >= 0) {
      return Optional.of(List.of(rules[first].span));
    }
    List<ChainRule.Box> parts = rule.parts();
    if (parts.size() <= 1) {
      return Optional.empty();
    }
    Set<Span> by = new LinkedHashSet<>();
    for (ChainRule.Box part : parts) {
      int e = first(part);
      if (e < 0) {
        return Optional.empty();
      }
      by.add(rules[e].span);
    }
    return Optional.of(List.copyOf(by));
  }

  /**
   * The number of the first filed rule that covers {@code b}, or -1. Compares {@code b} with the rules
   * of the fewest candidates: those filed at a block inside one of its ranges, in one dimension or, when
   * those are many, in all three at once.
   */
  private int first(ChainRule.Box b) {
    ifaces = ifaces(b);
    long fewest = Long.MAX_VALUE;
    for (int d = 0; d < DIMENSIONS && fewest > tuning.few(); d++) {
      tried[d] = tried(b.ranges()[d], tuning.tried());
      for (int i = 0; i < tried[d].size && fewest > tuning.few(); i++) {
        trying.size = 0;
        long n = lookUp(d, b.protocol(), tried[d], i);
        if (n == 0) {
          return -1;
        }
        if (n < fewest) {
          fewest = n;
          keep();
        }
        if (i == 0 || n < fewestInCount[d]) {
          fewestIn[d] = i;
          fewestInCount[d] = n;
        }
      }
    }
    if (fewest > tuning.few() && index.combined()) {
      trying.size = 0;
      long n = 0;
      for (long iface : ifaces) {
        n += index.lookUpCombined(b.protocol(), iface, tried, fewestIn, trying);
        if (b.protocol() != ANY) {
          n += index.lookUpCombined(ANY, iface, tried, fewestIn, trying);
        }
      }
      if (n == 0) {
        return -1;
      }
      if (n < fewest) {
        keep();
      }
    }
    return firstCovering(b);
  }

  /** Makes the lists just looked up the ones to search. */
  private void keep() {
    BlockIndex.Found swap = found;
    found = trying;
    trying = swap;
  }

  /** The first rule in the lists kept that covers {@code b}, or -1; lists hold rule numbers in order. */
  private int firstCovering(ChainRule.Box b) {
    RuleLists lists = index.lists();
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < found.size; i++) {
      int[] numbers = lists.numbers(found.lists[i]);
      for (int k = 0; k < lists.size(found.lists[i]); k++) {
        int n = numbers[k];
        if (n >= best) {
          break;
        }
        if (rules[n].covers(b)) {
          best = n;
          break;
        }
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  /**
   * Looks up, into {@link #trying}, the rules of the box's protocol or none, and of its interfaces, filed
   * at block {@code i} or an ancestor.
   */
  private long lookUp(int d, int protocol, BlockIndex.Blocks blocks, int i) {
    long n = 0;
    for (long iface : ifaces) {
      n += index.lookUp(d, protocol, iface, blocks.lengths[i], blocks.his[i], blocks.los[i], trying);
      if (protocol != ANY) {
        n += index.lookUp(d, ANY, iface, blocks.lengths[i], blocks.his[i], blocks.los[i], trying);
      }
    }
    return n;
  }

  /**
   * The interface keys a rule that covers {@code b} is filed under: none named, or, for a box of named
   * interfaces, a pattern that matches its first one ({@link ChainRule#matchesEveryName}): the name
   * itself or a prefix of its stem followed by '+'.
   */
  private static long[] ifaces(ChainRule.Box b) {
    if (b.ifaces() == null) {
      return ANY_IFACE;
    }
    String name = b.ifaces()[0];
    boolean wildcard = name.endsWith("+");
    String stem = wildcard ? name.substring(0, name.length() - 1) : name;
    long[] out = new long[stem.length() + (wildcard ? 2 : 3)];
    int k = 0;
    out[k++] = BlockIndex.ANY_IFACE;
    if (!wildcard) {
      out[k++] = BlockIndex.iface(name);
    }
    for (int l = 0; l <= stem.length(); l++) {
      out[k++] = BlockIndex.iface(stem.substring(0, l) + "+");
    }
    return out;
  }

  /**
   * Blocks to look up for the first {@code max} ranges: of each, the largest, the first and the last of
   * the blocks it is made of. A rule that holds the range holds each of them.
   */
  private static BlockIndex.Blocks tried(long[] ranges, int max) {
    BlockIndex.Blocks out = new BlockIndex.Blocks();
    for (int i = 0; i < Math.min(max, ranges.length / 4); i++) {
      BlockIndex.Blocks all = new BlockIndex.Blocks();
      Wide.blocks(ranges, i, all);
      int largest = 0;
      for (int j = 1; j < all.size; j++) {
        if (all.lengths[j] < all.lengths[largest]) {
          largest = j;
        }
      }
      out.add(all.lengths[largest], all.his[largest], all.los[largest]);
      if (largest != 0) {
        out.add(all.lengths[0], all.his[0], all.los[0]);
      }
      if (largest != all.size - 1) {
        out.add(all.lengths[all.size - 1], all.his[all.size - 1], all.los[all.size - 1]);
      }
    }
    return out;
  }

  /** Files rule {@code n} under the blocks its ranges are made of; a dimension it does not restrict, at the root. */
  private void file(int n) {
    ChainRule r = rules[n];
    BlockIndex.Blocks[] blocks = new BlockIndex.Blocks[DIMENSIONS];
    for (int d = 0; d < DIMENSIONS; d++) {
      if (r.any[d]) {
        blocks[d] = BlockIndex.Blocks.root();
        continue;
      }
      blocks[d] = new BlockIndex.Blocks();
      for (int i = 0; i < r.unions[d].length / 4; i++) {
        Wide.blocks(r.unions[d], i, blocks[d]);
      }
    }
    if (r.whole.ifaces() == null) {
      index.add(n, r.whole.protocol(), BlockIndex.ANY_IFACE, blocks);
      return;
    }
    Set<String> patterns = new LinkedHashSet<>(Arrays.asList(r.whole.ifaces()));
    for (String pattern : patterns) {
      index.add(n, r.whole.protocol(), BlockIndex.iface(pattern), blocks);
    }
  }
}
