package swfw.compiler.iptables;

import swfw.compiler.text.Utf8Buffer;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Addresses appended as {@link Cidr#toString} and {@link Cidr#address} print them (dotted quads,
 * RFC 5952 IPv6 with a dotted tail for IPv4-mapped and IPv4-compatible addresses), without their
 * temporary strings: a big policy prints one or two per rule. {@code AddressTextTest} holds the two
 * spellings equal.
 */
final class AddressText {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private AddressText() {}

  static void appendCidr(Utf8Buffer b, Cidr c) {
    appendAddress(b, c);
    b.append('/').append(c.prefix());
  }

  static void appendAddress(Utf8Buffer b, Cidr c) {
    if (c.family() == Family.V4) {
      appendV4(b, c.lo());
    } else {
      appendV6(b, c.hi(), c.lo());
    }
  }

  private static void appendV4(Utf8Buffer b, long address) {
    int v = (int) address;
    b.append(v >>> 24).append('.').append(v >>> 16 & 0xff).append('.').append(v >>> 8 & 0xff).append('.').append(v & 0xff);
  }

  private static void appendV6(Utf8Buffer b, long hi, long lo) {
    int zerosStart = -1;
    int zerosLength = 1; // a single zero group is not shortened (RFC 5952 4.2.2)
    for (int i = 0; i < 8; ) {
      if (group(hi, lo, i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && group(hi, lo, j) == 0) {
        j++;
      }
      if (j - i > zerosLength) {
        zerosStart = i;
        zerosLength = j - i;
      }
      i = j;
    }
    if (zerosStart == 0 && (zerosLength == 6 || zerosLength == 5 && group(hi, lo, 5) == 0xffff)) {
      b.appendAscii(zerosLength == 5 ? "::ffff:" : "::");
      appendV4(b, lo & 0xffffffffL);
      return;
    }
    for (int i = 0; i < 8; i++) {
      if (i == zerosStart) {
        b.appendAscii("::");
        i += zerosLength - 1;
        continue;
      }
      if (i > 0 && i != zerosStart + zerosLength) {
        b.append(':');
      }
      appendHex(b, group(hi, lo, i));
    }
  }

  /** The i-th of the eight 16-bit groups, from the left. */
  private static int group(long hi, long lo, int i) {
    return (int) ((i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4))) & 0xffff);
  }

  /** Lower-case hexadecimal without leading zeros, as {@link Integer#toHexString}. */
  private static void appendHex(Utf8Buffer b, int group) {
    boolean started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int digit = group >>> shift & 0xf;
      if (digit != 0 || started || shift == 0) {
        b.append((char) HEX[digit]);
        started = true;
      }
    }
  }
}
