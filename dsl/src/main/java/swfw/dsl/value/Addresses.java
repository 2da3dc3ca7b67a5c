package swfw.dsl.value;

import java.util.Optional;

/** Parses IP literals without ever asking DNS (InetAddress.getByName would, for some inputs). */
public final class Addresses {
  private Addresses() {}

  /** The parsed address or network, or empty when the text is not a valid literal of its family. */
  public static Optional<Cidr> parse(String text) {
    // On index ranges of the text, without substrings: every address of a big policy comes through here.
    int slash = text.indexOf('/');
    int end = slash < 0 ? text.length() : slash;
    int colon = text.indexOf(':');
    boolean v6 = colon >= 0 && colon < end;
    int bits = v6 ? 128 : 32;
    int prefix = bits;
    if (slash >= 0) {
      int digits = text.length() - slash - 1;
      if (digits == 0 || digits > 3 || !digits(text, slash + 1, text.length())) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(text, slash + 1, text.length(), 10);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    if (v6) {
      long[] v = parseV6(text, 0, end);
      return v == null ? Optional.empty() : Optional.of(new Cidr(Family.V6, v[0], v[1], prefix));
    }
    long v = parseV4(text, 0, end);
    return v < 0 ? Optional.empty() : Optional.of(new Cidr(Family.V4, 0, v, prefix));
  }

  /** Why {@link #parse} failed, in a user's terms. */
  public static String problem(String text) {
    int slash = text.indexOf('/');
    boolean v6 = text.indexOf(':') >= 0;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      int bits = v6 ? 128 : 32;
      if (p.isEmpty() || p.length() > 3 || !digits(p, 0, p.length()) || Integer.parseInt(p) > bits) {
        return "prefix length '/" + p + "' is out of range 0-" + bits + " for " + (v6 ? "IPv6" : "IPv4");
      }
    }
    return v6 ? "'" + text + "' is not a valid IPv6 address" : "'" + text + "' is not a valid IPv4 address";
  }

  /** ASCII digits only: Character.isDigit (and Integer.parseInt) accept other scripts' digits too. */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Four dot-separated decimal octets, no leading zeros; -1 when {@code s} is not one. */
  static long parseV4(String s) {
    return parseV4(s, 0, s.length());
  }

  /** {@link #parseV4(String)} of {@code s[from, to)}. */
  private static long parseV4(String s, int from, int to) {
    long v = 0;
    int octets = 0;
    for (int i = from; ; i++) {
      int start = i;
      int octet = 0;
      for (; i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        if (i - start == 3) {
          return -1;
        }
        octet = octet * 10 + s.charAt(i) - '0';
      }
      if (i == start || i - start > 1 && s.charAt(start) == '0' || octet > 255) {
        return -1;
      }
      v = (v << 8) | octet;
      octets++;
      if (i == to) {
        return octets == 4 ? v : -1;
      }
      if (s.charAt(i) != '.' || octets == 4) {
        return -1;
      }
    }
  }

  static long[] parseV6(String s) {
    return parseV6(s, 0, s.length());
  }

  /** The address {@code s[from, to)} as its high and low 64 bits, or null. */
  private static long[] parseV6(String s, int from, int to) {
    if (to - from > 45) {
      return null;
    }
    int doubleColon = s.indexOf("::", from);
    if (doubleColon >= to - 1) {
      doubleColon = -1;
    }
    if (doubleColon >= 0) {
      int second = s.indexOf("::", doubleColon + 1);
      if (second >= 0 && second < to - 1) {
        return null;
      }
    }
    int[] groups = new int[8];
    // A dotted IPv4 tail ends the address: '1.2.3.4::' has zeros after it and is invalid.
    int head = groups(s, from, doubleColon >= 0 ? doubleColon : to, doubleColon < 0, groups, 0);
    if (head < 0 || (doubleColon < 0 ? head != 8 : head > 7)) {
      return null;
    }
    if (doubleColon >= 0) {
      int tail = groups(s, doubleColon + 2, to, true, groups, head);
      if (tail < 0 || head + tail > 7) {
        return null;
      }
      System.arraycopy(groups, head, groups, 8 - tail, tail);
      java.util.Arrays.fill(groups, head, 8 - tail, 0);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 16) | groups[i];
      lo = (lo << 16) | groups[i + 4];
    }
    return new long[] {hi, lo};
  }

  /**
   * The colon-separated groups of {@code s[from, to)} into {@code out} from {@code at}; the last may be a
   * dotted IPv4 address (two groups) when {@code mayEndInV4}. Their number, or -1 when a group is invalid
   * or {@code out} has no room for them all (more than eight groups make no address).
   */
  private static int groups(String s, int from, int to, boolean mayEndInV4, int[] out, int at) {
    if (from == to) {
      return 0;
    }
    int n = 1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == ':') {
        n++;
      }
    }
    int lastGroup = Math.max(from, s.lastIndexOf(':', to - 1) + 1);
    int dot = s.indexOf('.', lastGroup);
    boolean v4Tail = mayEndInV4 && dot >= 0 && dot < to;
    int count = v4Tail ? n + 1 : n;
    if (at + count > out.length) {
      return -1;
    }
    int start = from;
    for (int i = 0; i < n; i++) {
      int end = i == n - 1 ? to : s.indexOf(':', start);
      if (v4Tail && i == n - 1) {
        long v4 = parseV4(s, start, to);
        if (v4 < 0) {
          return -1;
        }
        out[at + i] = (int) (v4 >>> 16);
        out[at + i + 1] = (int) (v4 & 0xffff);
      } else {
        int group = hexGroup(s, start, end);
        if (group < 0) {
          return -1;
        }
        out[at + i] = group;
      }
      start = end + 1;
    }
    return count;
  }

  /** One to four hex digits from {@code start} to {@code end}, or -1. */
  private static int hexGroup(String s, int start, int end) {
    if (end == start || end - start > 4) {
      return -1;
    }
    int group = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      group = group * 16 + digit;
    }
    return group;
  }
}
