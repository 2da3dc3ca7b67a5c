package swfw.dsl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written address parser against the JDK's, on texts made of the pieces addresses are made of. */
class AddressesPropertiesTest {
  private static final String[] PIECES = {"0", "1", "9", "10", "00", "01", "255", "256", "999", "1000", "a", "f", "F",
      "g", "ff", "ffff", "fffff", "db8", "2001", ".", ":", "::", ":::", "/", "/0", "/24", "/32", "/33", "/128", "/129",
      "-", " ", "é", "٣"};

  @Property(tries = 2000)
  void acceptsExactlyTheLiteralsTheJdkAccepts(@ForAll("texts") String text) {
    assertEquals(reference(text), Addresses.parse(text).map(Cidr::toString), text);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> random = Arbitraries.of(PIECES).list().ofMaxSize(12).map(p -> String.join("", p));
    Arbitrary<String> v4 = Arbitraries.of("0", "1", "12", "255", "256", "01", "").list().ofMinSize(3).ofMaxSize(5)
        .map(p -> String.join(".", p));
    Arbitrary<String> v6 = Arbitraries.of("0", "1", "db8", "ffff", "10000", "", "1.2.3.4").list().ofMinSize(2)
        .ofMaxSize(9).map(p -> String.join(":", p));
    return Arbitraries.oneOf(random, v4, v6, v4.map(a -> a + "/24"), v6.map(a -> a + "/64"));
  }

  /**
   * What the text means by the JDK's rules (a literal only: texts with letters beyond hex digits are not
   * passed to it, so it never asks DNS), printed the way Cidr prints it; the JDK's looser forms (octets
   * with leading zeros, fewer than four parts, IPv6 groups of more than four digits, zone ids) are not
   * literals here.
   */
  private static Optional<String> reference(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    String prefix = slash < 0 ? null : text.substring(slash + 1);
    boolean v6 = addr.indexOf(':') >= 0;
    if (addr.isEmpty() || !addr.matches(v6 ? "[0-9a-fA-F:.]+" : "[0-9.]+")
        || !v6 && (!addr.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}"))
        || v6 && addr.contains(".") && !addr.matches(".*:(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}")
        || v6 && java.util.Arrays.stream(addr.split(":")).anyMatch(g -> g.length() > 4 && !g.contains("."))
        || prefix != null && !prefix.matches("[0-9]{1,3}")) {
      return Optional.empty();
    }
    int bits = prefix == null ? (v6 ? 128 : 32) : Integer.parseInt(prefix);
    if (bits > (v6 ? 128 : 32)) {
      return Optional.empty();
    }
    try {
      InetAddress a = InetAddress.getByName(v6 ? "[" + addr + "]" : addr);
      if (v6 != (a instanceof java.net.Inet6Address) && !(v6 && a instanceof java.net.Inet4Address)) {
        return Optional.empty();
      }
      byte[] b = a.getAddress();
      if (v6 && b.length == 4) {
        // The JDK turns ::ffff:a.b.c.d into an IPv4 address; as a literal it is IPv6.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(b, 0, mapped, 12, 4);
        b = mapped;
      }
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < b.length; i++) {
        if (b.length == 16 && i < 8) {
          hi = (hi << 8) | (b[i] & 0xff);
        } else {
          lo = (lo << 8) | (b[i] & 0xff);
        }
      }
      return Optional.of(new Cidr(b.length == 4 ? Family.V4 : Family.V6, hi, lo, bits).toString());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
