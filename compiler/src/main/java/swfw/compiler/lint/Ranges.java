package swfw.compiler.lint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;

/** Inclusive ranges of ports or addresses, and whether a union of them holds a range. */
final class Ranges {
  static final Range ALL_PORTS = new Range(BigInteger.ZERO, BigInteger.valueOf(65535));

  /** {@code low}..{@code high}, both included. */
  record Range(BigInteger low, BigInteger high) {}

  /** A class, not {@code Comparator.comparing}: its lambdas would be spun at every start of {@code check}. */
  private static final Comparator<Range> BY_LOW = new Comparator<>() {
    @Override
    public int compare(Range a, Range b) {
      return a.low().compareTo(b.low());
    }
  };

  private Ranges() {}

  static Range of(PortRange p) {
    return new Range(BigInteger.valueOf(p.low()), BigInteger.valueOf(p.high()));
  }

  static Range of(Cidr c) {
    return new Range(value(c.network()), value(c.last()));
  }

  /** Every address of a family. */
  static Range whole(Family family) {
    return new Range(BigInteger.ZERO, BigInteger.ONE.shiftLeft(family == Family.V4 ? 32 : 128).subtract(BigInteger.ONE));
  }

  static BigInteger value(Cidr c) {
    BigInteger hi = new BigInteger(Long.toUnsignedString(c.hi()));
    return hi.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(c.lo())));
  }

  /** The single address {@code value} of {@code family}. */
  static Cidr address(Family family, BigInteger value) {
    int bits = family == Family.V4 ? 32 : 128;
    return new Cidr(family, value.shiftRight(64).longValue(), value.longValue(), bits);
  }

  /** Sorted, with overlapping and adjacent ranges joined. */
  static List<Range> union(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(BY_LOW);
    List<Range> out = new ArrayList<>();
    for (Range r : sorted) {
      Range last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r.low().compareTo(last.high().add(BigInteger.ONE)) <= 0) {
        out.set(out.size() - 1, new Range(last.low(), last.high().max(r.high())));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether {@code r} lies wholly inside {@code union} (as {@link #union} returns it). */
  static boolean holds(List<Range> union, Range r) {
    for (Range u : union) {
      if (u.low().compareTo(r.low()) <= 0 && r.high().compareTo(u.high()) <= 0) {
        return true;
      }
    }
    return false;
  }
}
