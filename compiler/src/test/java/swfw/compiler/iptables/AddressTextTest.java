package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import swfw.compiler.text.Utf8Buffer;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/** The renderer's allocation-free address spelling against {@link Cidr}'s own, which iptables-save matches. */
class AddressTextTest {
  @Test
  void spellsTheCasesRfc5952SinglesOut() {
    assertSpelled("::/0", new Cidr(Family.V6, 0, 0, 0));
    assertSpelled("::1/128", new Cidr(Family.V6, 0, 1, 128));
    assertSpelled("2001:db8::1/128", new Cidr(Family.V6, 0x20010db800000000L, 1, 128));
    assertSpelled("2001:db8:0:1:1:1:1:1/128", new Cidr(Family.V6, 0x20010db800000001L, 0x0001000100010001L, 128));
    assertSpelled("2001:0:0:1::1/128", new Cidr(Family.V6, 0x2001000000000001L, 1, 128));
    assertSpelled("::ffff:192.0.2.1/128", new Cidr(Family.V6, 0, 0xffffc0000201L, 128));
    assertSpelled("::192.0.2.1/128", new Cidr(Family.V6, 0, 0xc0000201L, 128));
    assertSpelled("0.0.0.0/0", new Cidr(Family.V4, 0, 0, 0));
    assertSpelled("255.255.255.255/32", new Cidr(Family.V4, 0, 0xffffffffL, 32));
  }

  @Property(tries = 2000)
  void spellsEveryAddressAsCidrDoes(@ForAll("addresses") Cidr c) {
    Utf8Buffer b = new Utf8Buffer(64);
    AddressText.appendAddress(b, c);
    assertEquals(c.address(), b.toString());
    assertSpelled(c.toString(), c);
  }

  private static void assertSpelled(String expected, Cidr c) {
    Utf8Buffer b = new Utf8Buffer(64);
    AddressText.appendCidr(b, c);
    assertEquals(expected, b.toString());
    assertEquals(c.toString(), expected);
  }

  /** IPv6 groups drawn mostly from 0, 1 and ffff, so runs of zeros and the dotted forms come up often. */
  @Provide
  Arbitrary<Cidr> addresses() {
    Arbitrary<Long> group = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.just(0L)), net.jqwik.api.Tuple.of(1, Arbitraries.just(1L)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0xffffL)), net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0xffff)));
    Arbitrary<Long> half = group.list().ofSize(4).map(gs -> (gs.get(0) << 48) | (gs.get(1) << 32) | (gs.get(2) << 16) | gs.get(3));
    Arbitrary<Cidr> v6 = net.jqwik.api.Combinators.combine(half, half, Arbitraries.integers().between(0, 128))
        .as((hi, lo, prefix) -> new Cidr(Family.V6, hi, lo, prefix));
    Arbitrary<Cidr> v4 = net.jqwik.api.Combinators.combine(Arbitraries.longs().between(0, 0xffffffffL),
        Arbitraries.integers().between(0, 32)).as((v, prefix) -> new Cidr(Family.V4, 0, v, prefix));
    return Arbitraries.oneOf(v4, v6);
  }
}
