package swfw.dsl.value;

/**
 * An address or network of either family, held as 128 bits (IPv4 in the low 32). Printed in the
 * canonical form iptables-save uses: dotted quads, RFC 5952 IPv6 (IPv4-mapped and IPv4-compatible
 * addresses with a dotted tail, as glibc's inet_ntop prints them), and /32 or /128 spelled out.
 */
public record Cidr(Family family, long hi, long lo, int prefix) implements Comparable<Cidr> {
  public int bits() {
    return family == Family.V4 ? 32 : 128;
  }

  public boolean isAny() {
    return prefix == 0;
  }

  /** This network with host bits cleared. */
  public Cidr network() {
    return new Cidr(family, hi & networkMaskHi(), lo & networkMaskLo(), prefix);
  }

  /** The network part of {@link #hi}: none of it for IPv4, which lives in {@link #lo}. */
  private long networkMaskHi() {
    if (family == Family.V4) {
      return 0;
    }
    return prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
  }

  private long networkMaskLo() {
    if (family == Family.V4) {
      return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }
    return prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
  }

  /** The last address of this network (host bits all set), as a single address. */
  public Cidr last() {
    int host = bits() - prefix;
    long hiMask = host <= 64 ? 0 : host >= 128 ? -1L : (1L << (host - 64)) - 1;
    long loMask = host >= 64 ? -1L : (1L << host) - 1;
    Cidr n = network();
    return new Cidr(family, n.hi | hiMask, n.lo | loMask, bits());
  }

  public boolean hasHostBits() {
    // Without building the network: every address of a big policy is asked.
    return (hi & networkMaskHi()) != hi || (lo & networkMaskLo()) != lo;
  }

  /** True when every address of {@code other} is in this network. */
  public boolean contains(Cidr other) {
    if (other.family != family || other.prefix < prefix) {
      return false;
    }
    return new Cidr(family, other.hi, other.lo, prefix).network().equals(network());
  }

  /** The address part only, without a prefix. */
  public String address() {
    return family == Family.V4 ? v4(lo) : v6(hi, lo);
  }

  @Override
  public String toString() {
    return address() + "/" + prefix;
  }

  @Override
  public int compareTo(Cidr o) {
    int c = family.compareTo(o.family);
    if (c == 0) {
      c = Long.compareUnsigned(hi, o.hi);
    }
    if (c == 0) {
      c = Long.compareUnsigned(lo, o.lo);
    }
    return c != 0 ? c : Integer.compare(prefix, o.prefix);
  }

  private static String v4(long v) {
    return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
  }

  private static String v6(long hi, long lo) {
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
      groups[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestStart == 0 && (bestLen == 6 || bestLen == 5 && groups[5] == 0xffff)) {
      // An embedded IPv4 address is printed dotted, as RFC 5952 and glibc's inet_ntop (hence ip6tables-save) do.
      return (bestLen == 5 ? "::ffff:" : "::") + v4(lo & 0xffffffffL);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(groups[i]));
    }
    return b.toString();
  }

  // Written out rather than generated: a record's equals and hashCode are bootstrapped through
  // invokedynamic, about 10 ms on the first call, and every swfw run makes one.
  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && family == c.family && hi == c.hi && lo == c.lo && prefix == c.prefix;
  }

  @Override
  public int hashCode() {
    return ((family.ordinal() * 31 + Long.hashCode(hi)) * 31 + Long.hashCode(lo)) * 31 + prefix;
  }
}
