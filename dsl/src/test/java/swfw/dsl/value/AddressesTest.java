package swfw.dsl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
  private static Cidr parse(String text) {
    Optional<Cidr> c = Addresses.parse(text);
    assertTrue(c.isPresent(), () -> "'" + text + "' should parse");
    return c.get();
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, 192.0.2.1/32",
    "10.0.0.0/8, 10.0.0.0/8",
    "0.0.0.0/0, 0.0.0.0/0",
    "255.255.255.255, 255.255.255.255/32",
    "192.168.1.10/24, 192.168.1.10/24",
  })
  void parsesIpv4AndPrintsItCanonically(String text, String printed) {
    Cidr c = parse(text);
    assertEquals(Family.V4, c.family());
    assertEquals(printed, c.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "::, ::/128",
    "::/0, ::/0",
    "::1, ::1/128",
    "1::, 1::/128",
    "2001:DB8::0:1, 2001:db8::1/128",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1/128",
    "2001:db8:42::/48, 2001:db8:42::/48",
    "1:0:0:1:0:0:0:1, 1:0:0:1::1/128",
    "1:0:0:2:0:0:3:4, 1::2:0:0:3:4/128",
    "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0/128",
    "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0/128",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
    "fe80::1:2.3.4.5, fe80::1:203:405/128",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304/128",
  })
  void parsesIpv6AndPrintsItAsRfc5952(String text, String printed) {
    Cidr c = parse(text);
    assertEquals(Family.V6, c.family());
    assertEquals(printed, c.toString());
  }

  /** ip6tables-save prints these with a dotted tail (glibc inet_ntop): generated text must match it. */
  @ParameterizedTest
  @CsvSource({
    "::ffff:1.2.3.4, ::ffff:1.2.3.4/128",
    "::ffff:102:304, ::ffff:1.2.3.4/128",
    "::1.2.3.4, ::1.2.3.4/128",
    "::ffff:0:0/96, ::ffff:0.0.0.0/96",
    "::2:3, ::0.2.0.3/128",
    "::ffff:0:1, ::ffff:0.0.0.1/128",
    "::1:0:0, ::1:0:0/128",
    "::ffff:1:2:3, ::ffff:1:2:3/128",
  })
  void printsEmbeddedIpv4DottedAsIp6tablesSaveDoes(String text, String printed) {
    assertEquals(printed, parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "/", "1.2.3", "1.2.3.4.5", "300.1.1.1", "1.2.3.256", "01.2.3.4", "1..2.3", "a.b.c.d", "1.2.3.4/33",
    "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/1a", "1.2.3.4/1000", "١.2.3.4", "1.2.3.4/٣",
    ":::", "1::2::3", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
    "12345::", "g::1", "1::2:3:4:5:6:7:8", "::1.2.3", "::1.2.3.4.5", "::ffff:1.2.3.4:5", "1.2.3.4::", "::/129",
    "::1/", "2001:db8::/1a", "１::",
  })
  void rejectsInvalidAddresses(String text) {
    assertEquals(Optional.empty(), Addresses.parse(text), () -> "'" + text + "' should not parse");
  }

  @Test
  void explainsWhatIsWrongInTheUsersTerms() {
    assertEquals("prefix length '/33' is out of range 0-32 for IPv4", Addresses.problem("10.0.0.0/33"));
    assertEquals("prefix length '/129' is out of range 0-128 for IPv6", Addresses.problem("2001:db8::/129"));
    assertEquals("'300.1.1.1' is not a valid IPv4 address", Addresses.problem("300.1.1.1"));
    assertEquals("'1::2::3' is not a valid IPv6 address", Addresses.problem("1::2::3"));
  }

  @Test
  void neverAsksDns() {
    // InetAddress.getByName would try to resolve these; a literal parser just says no.
    assertEquals(Optional.empty(), Addresses.parse("localhost"));
    assertEquals(Optional.empty(), Addresses.parse("example.com"));
  }
}
