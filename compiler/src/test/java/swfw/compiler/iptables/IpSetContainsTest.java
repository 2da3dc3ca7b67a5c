package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/** The set's indexed membership test against the plain one: some member holds every address asked about. */
class IpSetContainsTest {
  @Test
  void findsAnAddressInANestedOrLaterMemberAndNotBeyondTheLast() {
    IpSet set = IpSet.of(Family.V4, List.of(cidr("10.0.0.0/8"), cidr("10.1.2.3"), cidr("192.0.2.0/24"),
        cidr("198.51.100.7")));
    assertTrue(set.contains(cidr("10.200.0.1")));
    assertTrue(set.contains(cidr("192.0.2.255")));
    assertTrue(set.contains(cidr("198.51.100.7")));
    assertFalse(set.contains(cidr("198.51.100.8")));
    assertFalse(set.contains(cidr("9.255.255.255")));
    assertFalse(set.contains(cidr("2001:db8::1")));
    assertFalse(IpSet.of(Family.V4, List.of()).contains(cidr("10.0.0.1")));
  }

  @Property(tries = 1000)
  void answersAsTheMembersDoOneByOne(@ForAll("members") List<Cidr> members, @ForAll("queries") List<Cidr> queries) {
    Family family = members.isEmpty() ? Family.V6 : members.get(0).family();
    List<Cidr> same = members.stream().filter(c -> c.family() == family).toList();
    IpSet set = IpSet.of(family, same);
    for (Cidr q : queries) {
      assertEquals(same.stream().anyMatch(c -> c.contains(q)), set.contains(q), () -> q + " in " + same);
    }
  }

  @Provide
  Arbitrary<List<Cidr>> members() {
    return networks().list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Cidr>> queries() {
    return networks().list().ofMinSize(1).ofMaxSize(20);
  }

  /** Networks in a small corner of each family, around the 64-bit boundary of IPv6, so they overlap. */
  private static Arbitrary<Cidr> networks() {
    Arbitrary<Cidr> v4 = Combinators.combine(Arbitraries.longs().between(0, 255), Arbitraries.integers().between(24, 32))
        .as((host, prefix) -> new Cidr(Family.V4, 0, 0x0a000000L | host, prefix).network());
    Arbitrary<Cidr> v6 = Combinators.combine(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(-2, 2),
        Arbitraries.integers().between(56, 128))
        .as((hi, lo, prefix) -> new Cidr(Family.V6, 0x20010db800000000L | hi, lo, prefix));
    return Arbitraries.oneOf(v4, v6);
  }

  private static Cidr cidr(String text) {
    return Addresses.parse(text).orElseThrow();
  }
}
