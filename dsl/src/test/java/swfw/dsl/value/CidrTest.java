package swfw.dsl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {
  private static Cidr cidr(String text) {
    return Addresses.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "192.168.1.10/24, 192.168.1.0/24",
    "10.0.0.1/8, 10.0.0.0/8",
    "10.255.255.255/9, 10.128.0.0/9",
    "1.2.3.4/0, 0.0.0.0/0",
    "1.2.3.4/32, 1.2.3.4/32",
    "2001:db8:42::1/48, 2001:db8:42::/48",
    "2001:db8::ffff:1/64, 2001:db8::/64",
    "2001:db8::ffff:1/65, 2001:db8::/65",
    "2001:db8::8000:0:0:1/65, 2001:db8:0:0:8000::/65",
    "ffff::1/0, ::/0",
    "::1/128, ::1/128",
    "::1/127, ::/127",
  })
  void clearsHostBitsForTheNetwork(String text, String network) {
    Cidr c = cidr(text);
    assertEquals(network, c.network().toString());
    assertEquals(!text.equals(network), c.hasHostBits());
  }

  @Test
  void aNetworkWithoutHostBitsIsItsOwnNetwork() {
    Cidr c = cidr("10.0.0.0/8");
    assertFalse(c.hasHostBits());
    assertEquals(c, c.network());
  }

  @Test
  void containsNarrowerNetworksOfItsFamilyOnly() {
    assertTrue(cidr("10.0.0.0/8").contains(cidr("10.1.0.0/16")));
    assertTrue(cidr("10.0.0.0/8").contains(cidr("10.255.255.255")));
    assertTrue(cidr("10.0.0.0/8").contains(cidr("10.0.0.0/8")));
    assertFalse(cidr("10.1.0.0/16").contains(cidr("10.0.0.0/8")));
    assertFalse(cidr("10.0.0.0/8").contains(cidr("11.0.0.0/8")));
    assertTrue(cidr("0.0.0.0/0").contains(cidr("203.0.113.9")));
    assertFalse(cidr("0.0.0.0/0").contains(cidr("::ffff:1.2.3.4")));
    assertTrue(cidr("::/0").contains(cidr("2001:db8::1")));
    assertFalse(cidr("::/0").contains(cidr("1.2.3.4")));
    assertTrue(cidr("2001:db8::/32").contains(cidr("2001:db8:42::/48")));
    assertFalse(cidr("2001:db8::/32").contains(cidr("2001:db9::/48")));
    assertTrue(cidr("2001:db8::/64").contains(cidr("2001:db8::ffff:ffff:ffff:ffff")));
    assertFalse(cidr("2001:db8::/65").contains(cidr("2001:db8::ffff:ffff:ffff:ffff")));
  }

  @Test
  void printsTheAddressWithoutThePrefix() {
    assertEquals("192.0.2.1", cidr("192.0.2.1/24").address());
    assertEquals("2001:db8::1", cidr("2001:db8::1/64").address());
  }

  @Test
  void anyIsAZeroPrefix() {
    assertTrue(cidr("0.0.0.0/0").isAny());
    assertTrue(cidr("::/0").isAny());
    assertFalse(cidr("0.0.0.0/1").isAny());
  }

  @Test
  void ordersIpv4BeforeIpv6ThenByAddressUnsignedThenByPrefix() {
    TreeSet<Cidr> sorted = new TreeSet<>(List.of(cidr("ffff::/16"), cidr("::1"), cidr("255.0.0.0/8"),
        cidr("10.0.0.0/16"), cidr("10.0.0.0/8"), cidr("8000::/1")));
    assertEquals("[10.0.0.0/8, 10.0.0.0/16, 255.0.0.0/8, ::1/128, 8000::/1, ffff::/16]", sorted.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "10.1.2.3/8, 10.255.255.255/32",
    "192.0.2.7, 192.0.2.7/32",
    "0.0.0.0/0, 255.255.255.255/32",
    "2001:db8::5/64, 2001:db8::ffff:ffff:ffff:ffff/128",
    "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128",
    "::/0, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128",
    "2001:db8::1, 2001:db8::1/128",
  })
  void lastIsTheNetworksLastAddress(String network, String last) {
    assertEquals(last, cidr(network).last().toString());
  }
}
