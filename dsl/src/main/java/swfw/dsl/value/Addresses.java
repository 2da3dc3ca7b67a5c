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
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static long parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0') || !digits(part)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      v = (v << 8) | octet;
    }
    return v;
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
    String[] parts = s.split(":", -1);
    int n = parts.length;
    boolean v4Tail = mayEndInV4 && parts[n - 1].indexOf('.') >= 0;
    int[] out = new int[v4Tail ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      String p = parts[i];
      if (v4Tail && i == n - 1) {
        long v4 = parseV4(p);
        if (v4 < 0) {
          return null;
        }
        out[i] = (int) (v4 >>> 16);
        out[i + 1] = (int) (v4 & 0xffff);
      } else {
        if (p.isEmpty() || p.length() > 4) {
          return null;
        }
        for (char c : p.toCharArray()) {
          if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
            return null;
          }
        }
        out[i] = Integer.parseInt(p, 16);
      }
    }
    return out;
  }
}
