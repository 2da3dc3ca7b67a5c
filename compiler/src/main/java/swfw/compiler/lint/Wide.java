package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.List;
import swfw.dsl.value.Cidr;

/**
 * Unsigned 128-bit values as two longs (high, low), and inclusive ranges of them as four longs in a row:
 * low value, then high value. Ports and IPv4 addresses sit in the low bits. What {@link Ranges} does
 * with BigIntegers, without allocating a number per comparison.
 */
final class Wide {
  /** A range's longs: the high and low halves of its first value, then of its last. */
  static final int LOW_HI = 0;
  static final int LOW_LO = 1;
  static final int HIGH_HI = 2;
  static final int HIGH_LO = 3;

  private Wide() {}

  static int compare(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compareUnsigned(aHi, bHi);
    return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
  }

  /** Writes the range of network {@code c} into {@code out} from {@code at} on. */
  static void range(Cidr c, long[] out, int at) {
    Cidr first = c.network();
    Cidr last = c.last();
    out[at] = first.hi();
    out[at + 1] = first.lo();
    out[at + 2] = last.hi();
    out[at + 3] = last.lo();
  }

  /** Ranges one after the other in one array. */
  static long[] concat(List<long[]> ranges) {
    long[] out = new long[ranges.size() * 4];
    for (int i = 0; i < ranges.size(); i++) {
      System.arraycopy(ranges.get(i), 0, out, i * 4, 4);
    }
    return out;
  }

  /** Sorted, with overlapping and adjacent ranges joined. */
  static long[] union(long[] ranges) {
    if (ranges.length == 4) {
      return ranges.clone();
    }
    List<long[]> sorted = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 4) {
      sorted.add(new long[] {ranges[i], ranges[i + 1], ranges[i + 2], ranges[i + 3]});
    }
    sorted.sort((a, b) -> compare(a[LOW_HI], a[LOW_LO], b[LOW_HI], b[LOW_LO]));
    List<long[]> out = new ArrayList<>();
    for (long[] r : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && reaches(last, r)) {
        if (compare(r[HIGH_HI], r[HIGH_LO], last[HIGH_HI], last[HIGH_LO]) > 0) {
          last[HIGH_HI] = r[HIGH_HI];
          last[HIGH_LO] = r[HIGH_LO];
        }
      } else {
        out.add(r);
      }
    }
    return concat(out);
  }

  /** Whether {@code next} starts no later than just after {@code last} ends. */
  private static boolean reaches(long[] last, long[] next) {
    if (last[HIGH_HI] == -1L && last[HIGH_LO] == -1L) {
      return true;
    }
    long lo = last[HIGH_LO] + 1;
    long hi = last[HIGH_HI] + (lo == 0 ? 1 : 0);
    return compare(next[LOW_HI], next[LOW_LO], hi, lo) <= 0;
  }

  /** Whether range {@code i} of {@code ranges} lies wholly inside {@code union} (as {@link #union} returns it). */
  static boolean holds(long[] union, long[] ranges, int i) {
    int lo = 0;
    int hi = union.length / 4 - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(union[mid * 4], union[mid * 4 + 1], ranges[i * 4], ranges[i * 4 + 1]) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && compare(ranges[i * 4 + 2], ranges[i * 4 + 3], union[found * 4 + 2], union[found * 4 + 3]) <= 0;
  }

  /** Receives aligned blocks: the values sharing the first {@code length} bits of ({@code hi}, {@code lo}). */
  interface BlockSink {
    void accept(int length, long hi, long lo);
  }

  /**
   * The largest aligned blocks that make up range {@code i} of {@code ranges}, in order. Every aligned
   * block inside the range lies inside exactly one of them.
   */
  static void blocks(long[] ranges, int i, BlockSink sink) {
    long lh = ranges[i * 4];
    long ll = ranges[i * 4 + 1];
    long hh = ranges[i * 4 + 2];
    long hl = ranges[i * 4 + 3];
    while (true) {
      int k = Math.min(trailingZeros(lh, ll), floorLog2OfSize(lh, ll, hh, hl));
      sink.accept(128 - k, lh, ll);
      if (k == 128) {
        return;
      }
      long nl = k >= 64 ? ll : ll + (1L << k);
      long nh = k >= 64 ? lh + (1L << (k - 64)) : lh + (Long.compareUnsigned(nl, ll) < 0 ? 1 : 0);
      if (compare(nh, nl, lh, ll) <= 0 || compare(nh, nl, hh, hl) > 0) {
        return;
      }
      lh = nh;
      ll = nl;
    }
  }

  private static int trailingZeros(long hi, long lo) {
    return lo != 0 ? Long.numberOfTrailingZeros(lo) : hi != 0 ? 64 + Long.numberOfTrailingZeros(hi) : 128;
  }

  /** The largest k with 2^k values in low..high. */
  private static int floorLog2OfSize(long lh, long ll, long hh, long hl) {
    long dl = hl - ll;
    long dh = hh - lh - (Long.compareUnsigned(hl, ll) < 0 ? 1 : 0);
    long sl = dl + 1;
    long sh = dh + (sl == 0 ? 1 : 0);
    if (sh == 0 && sl == 0) {
      return 128;
    }
    return sh != 0 ? 127 - Long.numberOfLeadingZeros(sh) : 63 - Long.numberOfLeadingZeros(sl);
  }

  /** The high half of the block of the first {@code length} bits holding ({@code hi}, ...). */
  static long prefixHi(long hi, int length) {
    return length >= 64 ? hi : length == 0 ? 0 : hi & (-1L << (64 - length));
  }

  /** The low half of the block of the first {@code length} bits holding (..., {@code lo}). */
  static long prefixLo(long lo, int length) {
    return length <= 64 ? 0 : length == 128 ? lo : lo & (-1L << (128 - length));
  }
}
