package swfw.dsl.value;

import java.util.Optional;

/** Parses IP literals without ever asking DNS (InetAddress.getByName would, for some inputs). */
public final class Addresses {
  private Addresses() {}

  /** The parsed address or network, or empty when the text is not a valid literal of its family. */
  public static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    boolean v6 = addr.indexOf(':') >= 0;
    int bits = v6 ? 128 : 32;
    int prefix = bits;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !digits(p)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    if (v6) {
      long[] v = parseV6(addr);
      return v == null ? Optional.empty() : Optional.of(new Cidr(Family.V6, v[0], v[1], prefix));
    }
    long v = parseV4(addr);
    return v < 0 ? Optional.empty() : Optional.of(new Cidr(Family.V4, 0, v, prefix));
  }

  /** Why {@link #parse} failed, in a user's terms. */
  public static String problem(String text) {
    int slash = text.indexOf('/');
    boolean v6 = text.indexOf(':') >= 0;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      int bits = v6 ? 128 : 32;
      if (p.isEmpty() || p.length() > 3 || !digits(p) || Integer.parseInt(p) > bits) {
        return "prefix length '/" + p + "' is out of range 0-" + bits + " for " + (v6 ? "IPv6" : "IPv4");
      }
    }
    return v6 ? "'" + text + "' is not a valid IPv6 address" : "'" + text + "' is not a valid IPv4 address";
  }

  /** ASCII digits only: Character.isDigit (and Integer.parseInt) accept other scripts' digits too. */
  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Four dot-separated decimal octets, no leading zeros; -1 when {@code s} is not one. */
  static long parseV4(String s) {
    long v = 0;
    int octets = 0;
    for (int i = 0; ; i++) {
      int start = i;
      int octet = 0;
      for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
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
      if (i == s.length()) {
        return octets == 4 ? v : -1;
      }
      if (s.charAt(i) != '.' || octets == 4) {
        return -1;
      }
    }
  }

  static long[] parseV6(String s) {
    if (s.length() > 45) {
      return null;
    }
    int[] groups = new int[8];
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    // A dotted IPv4 tail ends the address: '1.2.3.4::' has zeros after it and is invalid.
    int[] h = groups(head, doubleColon < 0);
    int[] t = doubleColon >= 0 ? groups(tail, true) : new int[0];
    if (h == null || t == null) {
      return null;
    }
    if (doubleColon < 0 ? h.length != 8 : h.length + t.length > 7) {
      return null;
    }
    System.arraycopy(h, 0, groups, 0, h.length);
    System.arraycopy(t, 0, groups, 8 - t.length, t.length);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 16) | groups[i];
      lo = (lo << 16) | groups[i + 4];
    }
    return new long[] {hi, lo};
  }

  /** Colon-separated groups; the last may be a dotted IPv4 address when {@code mayEndInV4}. */
  private static int[] groups(String s, boolean mayEndInV4) {
    if (s.isEmpty()) {
      return new int[0];
    }
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ':') {
        n++;
      }
    }
    boolean v4Tail = mayEndInV4 && s.indexOf('.', s.lastIndexOf(':') + 1) >= 0;
    int[] out = new int[v4Tail ? n + 1 : n];
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = i == n - 1 ? s.length() : s.indexOf(':', start);
      if (v4Tail && i == n - 1) {
        long v4 = parseV4(s.substring(start));
        if (v4 < 0) {
          return null;
        }
        out[i] = (int) (v4 >>> 16);
        out[i + 1] = (int) (v4 & 0xffff);
      } else {
        int group = hexGroup(s, start, end);
        if (group < 0) {
          return null;
        }
        out[i] = group;
      }
      start = end + 1;
    }
    return out;
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
