package swfw.compiler.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built straight as UTF-8 bytes in one growing array. A big policy's rules files are megabytes
 * made of millions of short pieces; a {@code Writer} would copy each piece into chars and run an
 * encoder over it, and a {@code String} per line would be garbage the moment it is written. Nearly
 * all of the text is ASCII, which is copied a byte per char; other text is encoded as
 * {@link String#getBytes} does (an unpaired surrogate becomes {@code ?}).
 */
public final class Utf8Buffer {
  private byte[] bytes;
  private int length;

  public Utf8Buffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Any text. */
  public Utf8Buffer append(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = at;
        return appendEncoded(s.substring(i));
      }
      b[at++] = (byte) c;
    }
    length = at;
    return this;
  }

  /**
   * Text the caller knows to be ASCII: swfw's own words and names made of them and of interface names
   * (which the checker holds to ASCII). Copied whole, several times faster than a char at a time on C1,
   * the compiler swfw runs on; a character past ASCII would come out as garbage, not fail.
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps the low byte of each char: exact for ASCII
  public Utf8Buffer appendAscii(String s) {
    int n = s.length();
    ensure(n);
    s.getBytes(0, n, bytes, length);
    length += n;
    return this;
  }

  /** An ASCII character. */
  public Utf8Buffer append(char c) {
    if (c >= 0x80) {
      return appendEncoded(String.valueOf(c));
    }
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /**
   * A number in decimal, without a temporary string. C1, which swfw runs on, divides by ten with a
   * real division (and longs in a runtime call), so numbers below 65536 (ports, octets, most lines)
   * take their digits by multiplication: {@code n * 52429 >>> 19} is {@code n / 10} there.
   */
  public Utf8Buffer append(int n) {
    if (n < 0) {
      if (n == Integer.MIN_VALUE) {
        return appendAscii(Integer.toString(n));
      }
      append('-');
      n = -n;
    }
    int digits = digits(n);
    ensure(digits);
    int at = length + digits;
    while (n >= 65536) {
      int q = n / 10;
      bytes[--at] = (byte) ('0' + n - q * 10);
      n = q;
    }
    do {
      int q = n * 52429 >>> 19;
      bytes[--at] = (byte) ('0' + n - q * 10);
      n = q;
    } while (n > 0);
    length += digits;
    return this;
  }

  private static int digits(int n) {
    int digits = 1;
    for (int limit = 10; digits < 10 && n >= limit; limit *= 10) {
      digits++;
    }
    return digits;
  }

  private Utf8Buffer appendEncoded(String s) {
    byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
    return this;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
    }
  }

  public int length() {
    return length;
  }

  /** Whether the text is exactly these bytes. */
  public boolean sameAs(byte[] other) {
    return Arrays.equals(bytes, 0, length, other, 0, other.length);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
