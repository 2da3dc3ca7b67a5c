package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** 128-bit ranges as longs agree with the same arithmetic on BigIntegers, at the edges of both halves too. */
class WideTest {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private record Block(int length, BigInteger first) {
    BigInteger last() {
      return first.add(BigInteger.ONE.shiftLeft(128 - length)).subtract(BigInteger.ONE);
    }

    boolean inside(Block other) {
      return other.first.compareTo(first) <= 0 && last().compareTo(other.last()) <= 0;
    }
  }

  @Property(tries = 3000)
  void blocksPartitionARangeIntoItsLargestAlignedBlocks(@ForAll long seed) {
    BigInteger[] r = range(new Random(seed));
    List<Block> blocks = blocks(r);
    BigInteger next = r[0];
    for (Block b : blocks) {
      assertEquals(next, b.first(), "contiguous");
      assertAligned(b);
      Block parent = new Block(b.length() - 1, b.first().andNot(BigInteger.ONE.shiftLeft(128 - b.length())));
      assertTrue(b.length() == 0 || parent.first().compareTo(r[0]) < 0 || parent.last().compareTo(r[1]) > 0,
          "maximal: " + b);
      next = b.last().add(BigInteger.ONE);
    }
    assertEquals(r[1].add(BigInteger.ONE), next, "ends with the range");
  }

  @Property(tries = 3000)
  void unionsHoldWhatBigIntegerUnionsHold(@ForAll long seed) {
    Random random = new Random(seed);
    List<long[]> ranges = new ArrayList<>();
    List<Ranges.Range> big = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(6); i++) {
      BigInteger[] r = range(random);
      ranges.add(longs(r));
      big.add(new Ranges.Range(r[0], r[1]));
    }
    long[] union = Wide.union(Wide.concat(ranges));
    List<Ranges.Range> bigUnion = Ranges.union(big);
    assertEquals(bigUnion.size() * 4, union.length);
    for (int i = 0; i < 20; i++) {
      BigInteger[] q = range(random);
      assertEquals(Ranges.holds(bigUnion, new Ranges.Range(q[0], q[1])), Wide.holds(union, longs(q), 0),
          q[0] + ".." + q[1]);
    }
  }

  private static void assertAligned(Block b) {
    assertEquals(BigInteger.ZERO, b.first().mod(BigInteger.ONE.shiftLeft(128 - b.length())), "aligned: " + b);
  }

  private static List<Block> blocks(BigInteger[] r) {
    List<Block> out = new ArrayList<>();
    Wide.blocks(longs(r), 0, (length, hi, lo) -> out.add(new Block(length, value(hi).shiftLeft(64).or(value(lo)))));
    return out;
  }

  /** A range whose ends sit near 0, 2^64, 2^128 or powers of two more often than chance would put them. */
  private static BigInteger[] range(Random random) {
    BigInteger a = point(random);
    BigInteger b = point(random);
    return a.compareTo(b) <= 0 ? new BigInteger[] {a, b} : new BigInteger[] {b, a};
  }

  private static BigInteger point(Random random) {
    BigInteger base = switch (random.nextInt(5)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> TWO_64;
      case 2 -> MAX;
      case 3 -> BigInteger.ONE.shiftLeft(random.nextInt(128));
      default -> new BigInteger(128, random);
    };
    BigInteger v = base.add(BigInteger.valueOf(random.nextInt(9) - 4));
    return v.signum() < 0 ? BigInteger.ZERO : v.compareTo(MAX) > 0 ? MAX : v;
  }

  private static long[] longs(BigInteger[] r) {
    return new long[] {r[0].shiftRight(64).longValue(), r[0].longValue(), r[1].shiftRight(64).longValue(),
        r[1].longValue()};
  }

  private static BigInteger value(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }
}
