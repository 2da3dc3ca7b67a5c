package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rule numbers filed by protocol and by aligned blocks of ports and addresses: prefix tries flattened
 * into one hash table ({@link RuleLists}). A rule's range is filed under the largest aligned blocks it
 * is made of; a range that holds a block holds it inside one of those, filed at the block itself or at
 * one of its ancestors, so the rules whose ranges may hold a block are found by looking up its
 * prefixes, only at the prefix lengths in use.
 *
 * <p>Outbound rules that name interfaces are filed once per interface pattern, apart from those that
 * name none: a box of outbound packets is looked up under the patterns that match its first interface
 * and under none, so rules on other interfaces are never candidates.
 *
 * <p>Two filings: per dimension (ports, sources, destinations), and combined, under one block of each
 * dimension at once, which finds the rules that hold a block in all three. The combined filing is
 * coarser: at the blocks' ancestors of a prefix length that is a multiple of 8 (few lengths, so few
 * combinations of them), and a rule that would be filed under more than {@code maxCombined}
 * combinations is filed with a dimension left open. Combined lookups cost one per
 * combination of prefix lengths in use; past {@code maxShapes} of those (per protocol) the combined
 * filing is given up and only the per-dimension one answers.
 */
final class BlockIndex {
  static final int DIMENSIONS = 3;
  /** The interfaces of a rule that names none: all of them. */
  static final long ANY_IFACE = 0;
  /** Combined filing is at prefix lengths that are multiples of this. */
  private static final int STEP = 8;

  /** Aligned blocks: prefix length and the two halves of the first value. */
  static final class Blocks implements Wide.BlockSink {
    int size;
    int[] lengths = new int[4];
    long[] his = new long[4];
    long[] los = new long[4];

    @Override
    public void accept(int length, long hi, long lo) {
      add(length, hi, lo);
    }

    void add(int length, long hi, long lo) {
      if (size == lengths.length) {
        lengths = Arrays.copyOf(lengths, size * 2);
        his = Arrays.copyOf(his, size * 2);
        los = Arrays.copyOf(los, size * 2);
      }
      lengths[size] = length;
      his[size] = hi;
      los[size] = lo;
      size++;
    }

    static Blocks root() {
      Blocks b = new Blocks();
      b.add(0, 0, 0);
      return b;
    }
  }

  /** Lists found by a lookup, as indexes into {@link #lists()}. */
  static final class Found {
    int size;
    int[] lists = new int[8];

    void add(int list) {
      if (size == lists.length) {
        lists = Arrays.copyOf(lists, size * 2);
      }
      lists[size++] = list;
    }
  }

  private final int protocols;
  private final int maxCombined;
  private final int maxShapes;
  private final RuleLists lists = new RuleLists();
  /** Per dimension and protocol, the prefix lengths filed at: a bit set of 129 bits. */
  private final long[][] lengths;
  /** Per protocol, the combinations of prefix lengths filed at, as {@link #shape} codes. */
  private final List<List<Integer>> shapes = new ArrayList<>();
  /** Every shape filed at, as an open-addressing set (0: free); sized for all protocols' shapes at most. */
  private final int[] shapesSeen;
  private boolean combined = true;

  BlockIndex(int protocols, int maxCombined, int maxShapes) {
    this.protocols = protocols;
    this.maxCombined = maxCombined;
    this.maxShapes = maxShapes;
    this.shapesSeen = new int[Integer.highestOneBit(Math.max(1, protocols * (maxShapes + 1))) * 4];
    this.lengths = new long[DIMENSIONS * protocols][3];
    for (int p = 0; p < protocols; p++) {
      shapes.add(new ArrayList<>());
    }
  }

  RuleLists lists() {
    return lists;
  }

  /** Whether combined lookups still answer. */
  boolean combined() {
    return combined;
  }

  /** Stops filing combined: only the per-dimension filing answers from now on. */
  void giveUpCombined() {
    combined = false;
  }

  /**
   * Files rule {@code rule} of {@code protocol} under {@code blocks}, one set per dimension, for the
   * interfaces {@code iface} stands for ({@link #ANY_IFACE}: the rule names none).
   */
  void add(int rule, int protocol, long iface, Blocks[] blocks) {
    for (int d = 0; d < DIMENSIONS; d++) {
      long[] used = lengths[d * protocols + protocol];
      for (int i = 0; i < blocks[d].size; i++) {
        int l = blocks[d].lengths[i];
        used[l >>> 6] |= 1L << (l & 63);
        lists.add(key(d, protocol, iface, l, blocks[d].his[i], blocks[d].los[i]), rule);
      }
    }
    if (combined) {
      addCombined(rule, protocol, iface, new Blocks[] {coarse(blocks[0]), coarse(blocks[1]), coarse(blocks[2])});
    }
  }

  /**
   * The blocks' ancestors at a prefix length that is a multiple of {@link #STEP}, each once: what the
   * combined filing files under, so that rules with networks of many lengths make few shapes.
   */
  private static Blocks coarse(Blocks blocks) {
    Blocks out = new Blocks();
    for (int i = 0; i < blocks.size; i++) {
      int l = blocks.lengths[i] / STEP * STEP;
      long hi = Wide.prefixHi(blocks.his[i], l);
      long lo = Wide.prefixLo(blocks.los[i], l);
      int last = out.size - 1;
      if (last < 0 || out.lengths[last] != l || out.his[last] != hi || out.los[last] != lo) {
        out.add(l, hi, lo);
      }
    }
    return out;
  }

  private void addCombined(int rule, int protocol, long iface, Blocks[] blocks) {
    while ((long) blocks[0].size * blocks[1].size * blocks[2].size > maxCombined) {
      int widest = blocks[0].size >= blocks[1].size && blocks[0].size >= blocks[2].size ? 0
          : blocks[1].size >= blocks[2].size ? 1 : 2;
      blocks[widest] = Blocks.root();
    }
    Blocks p = blocks[0];
    Blocks f = blocks[1];
    Blocks t = blocks[2];
    for (int i = 0; i < p.size; i++) {
      for (int j = 0; j < f.size; j++) {
        for (int k = 0; k < t.size; k++) {
          int shape = shape(protocol, p.lengths[i], f.lengths[j], t.lengths[k]);
          if (firstSeen(shape)) {
            if (shapes.get(protocol).size() == maxShapes) {
              combined = false;
              return;
            }
            shapes.get(protocol).add(shape);
          }
          lists.add(key(shape, iface, p.his[i], p.los[i], f.his[j], f.los[j], t.his[k], t.los[k]), rule);
        }
      }
    }
  }

  /**
   * Adds to {@code out} the lists of rules of {@code protocol} and {@code iface} filed in dimension
   * {@code d} under the block of the first {@code length} bits of ({@code hi}, {@code lo}) or under an
   * ancestor; returns how many numbers they hold.
   */
  long lookUp(int d, int protocol, long iface, int length, long hi, long lo, Found out) {
    long[] used = lengths[d * protocols + protocol];
    long total = 0;
    for (int word = 0; word < used.length && word * 64 <= length; word++) {
      for (long bits = used[word]; bits != 0; bits &= bits - 1) {
        int l = word * 64 + Long.numberOfTrailingZeros(bits);
        if (l > length) {
          break;
        }
        total += found(key(d, protocol, iface, l, Wide.prefixHi(hi, l), Wide.prefixLo(lo, l)), out);
      }
    }
    return total;
  }

  /**
   * Adds to {@code out} the lists of rules of {@code protocol} and {@code iface} filed combined under
   * block {@code i[d]} of {@code blocks[d]} or an ancestor, in each dimension {@code d}; returns how
   * many numbers they hold.
   */
  long lookUpCombined(int protocol, long iface, Blocks[] blocks, int[] i, Found out) {
    Blocks p = blocks[0];
    Blocks f = blocks[1];
    Blocks t = blocks[2];
    int lp = p.lengths[i[0]];
    int lf = f.lengths[i[1]];
    int lt = t.lengths[i[2]];
    long total = 0;
    for (int shape : shapes.get(protocol)) {
      int sp = (shape >>> 16) & 0xff;
      int sf = (shape >>> 8) & 0xff;
      int st = shape & 0xff;
      if (sp <= lp && sf <= lf && st <= lt) {
        total += found(key(shape, iface, Wide.prefixHi(p.his[i[0]], sp), Wide.prefixLo(p.los[i[0]], sp),
            Wide.prefixHi(f.his[i[1]], sf), Wide.prefixLo(f.los[i[1]], sf),
            Wide.prefixHi(t.his[i[2]], st), Wide.prefixLo(t.los[i[2]], st)), out);
      }
    }
    return total;
  }

  /** Whether {@code shape} is new, then remembered. */
  private boolean firstSeen(int shape) {
    int mask = shapesSeen.length - 1;
    int slot = (shape * 0x9E3779B9 >>> 16) & mask;
    while (shapesSeen[slot] != 0) {
      if (shapesSeen[slot] == shape) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    shapesSeen[slot] = shape;
    return true;
  }

  private long found(long key, Found out) {
    int list = lists.find(key);
    if (list < 0) {
      return 0;
    }
    out.add(list);
    return lists.size(list);
  }

  private static int shape(int protocol, int portLength, int fromLength, int toLength) {
    return (protocol + 1) << 24 | portLength << 16 | fromLength << 8 | toLength;
  }

  private static long key(int d, int protocol, long iface, int length, long hi, long lo) {
    return withIface(RuleLists.mix(RuleLists.mix((d * 16L + protocol) << 8 | length, hi), lo), iface);
  }

  private static long key(int shape, long iface, long ph, long pl, long fh, long fl, long th, long tl) {
    long h = RuleLists.mix(RuleLists.mix(RuleLists.mix(-1L - shape, ph), pl), fh);
    return withIface(RuleLists.mix(RuleLists.mix(RuleLists.mix(h, fl), th), tl), iface);
  }

  private static long withIface(long key, long iface) {
    return iface == ANY_IFACE ? key : RuleLists.mix(key, iface);
  }

  /** What a rule or box of interface pattern {@code pattern} is filed or looked up under (never {@link #ANY_IFACE}). */
  static long iface(String pattern) {
    long key = RuleLists.mix(1, pattern.hashCode());
    return key == ANY_IFACE ? 1 : key;
  }
}
