package swfw.compiler.iptables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * A kernel address set (ipset) standing in for a long address list: one rule and one hash lookup
 * instead of one rule per address. Named after its content, so the same list always gets the same
 * set and a changed list a new one.
 *
 * <p>A value class like a record (equal when name, family and members are), but a class: the netfilter
 * model asks {@link #contains} once per probe packet and rule, and a blocklist of 100,000 addresses
 * needs an index for that, built on the first question.
 */
public final class IpSet {
  /** Address lists longer than this become a set. */
  public static final int THRESHOLD = 16;

  private final String name;
  private final Family family;
  private final List<Cidr> members;
  /** Merged member ranges as unsigned 128-bit starts and ends, sorted: [hi, lo] pairs; built on demand. */
  private volatile long[][] ranges;

  public IpSet(String name, Family family, List<Cidr> members) {
    this.name = name;
    this.family = family;
    this.members = List.copyOf(members);
  }

  public static IpSet of(Family family, List<Cidr> members) {
    return new IpSet(name(family, members), family, members);
  }

  public String name() {
    return name;
  }

  public Family family() {
    return family;
  }

  public List<Cidr> members() {
    return members;
  }

  /** {@code hash:ip} when every member is one address (faster to load), else {@code hash:net}. */
  public String type() {
    return members.stream().allMatch(c -> c.prefix() == c.bits()) ? "hash:ip" : "hash:net";
  }

  /** Whether every address of {@code address} is in a member (as {@link Cidr#contains}); a binary search. */
  public boolean contains(Cidr address) {
    if (address.family() != family) {
      return false;
    }
    long[][] r = ranges();
    Cidr net = address.network();
    Cidr end = address.last();
    // The last range starting at or before the address: ranges are merged, so it is the only candidate.
    int low = 0;
    int high = r[0].length / 2 - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (compare(r[0][2 * mid], r[0][2 * mid + 1], net.hi(), net.lo()) <= 0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found >= 0 && compare(end.hi(), end.lo(), r[1][2 * found], r[1][2 * found + 1]) <= 0;
  }

  private long[][] ranges() {
    long[][] r = ranges;
    if (r == null) {
      r = merged(members);
      ranges = r;
    }
    return r;
  }

  private static long[][] merged(List<Cidr> members) {
    List<Cidr> sorted = new ArrayList<>(members.size());
    for (Cidr c : members) {
      sorted.add(c.network());
    }
    sorted.sort(null); // by address, a network before the smaller ones it holds
    long[] starts = new long[2 * sorted.size()];
    long[] ends = new long[2 * sorted.size()];
    int n = 0;
    for (Cidr c : sorted) {
      Cidr end = c.last();
      if (n > 0 && compare(c.hi(), c.lo(), ends[2 * n - 2], ends[2 * n - 1]) <= 0) {
        if (compare(end.hi(), end.lo(), ends[2 * n - 2], ends[2 * n - 1]) > 0) {
          ends[2 * n - 2] = end.hi();
          ends[2 * n - 1] = end.lo();
        }
        continue;
      }
      starts[2 * n] = c.hi();
      starts[2 * n + 1] = c.lo();
      ends[2 * n] = end.hi();
      ends[2 * n + 1] = end.lo();
      n++;
    }
    return new long[][] {Arrays.copyOf(starts, 2 * n), Arrays.copyOf(ends, 2 * n)};
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int byHi = Long.compareUnsigned(aHi, bHi);
    return byHi != 0 ? byHi : Long.compareUnsigned(aLo, bLo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpSet other && name.equals(other.name) && family == other.family
        && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, family, members);
  }

  @Override
  public String toString() {
    return "IpSet[name=" + name + ", family=" + family + ", members=" + members + "]";
  }

  private static String name(Family family, List<Cidr> members) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Cidr c : members) {
        sha.update(c.toString().getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
      }
      return "swfw" + (family == Family.V4 ? "4" : "6") + "-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
