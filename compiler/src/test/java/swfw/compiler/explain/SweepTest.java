package swfw.compiler.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.Policies;
import swfw.compiler.RandomPolicies;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Packets run through the model together ({@link NetfilterModel#evaluateFrom}, {@link NetfilterModel#evaluateTo})
 * get what each gets run alone ({@link NetfilterModel#evaluate}): the same verdict, decided by the same step.
 */
class SweepTest {
  private static final List<String> IFACES = List.of("eth0", "eth1", "ens11", "eth9");
  private static final List<Protocol> PROTOCOLS = List.of(Protocol.TCP, Protocol.UDP, Protocol.ANY, Protocol.ICMP,
      Protocol.ICMPV6);
  private static final List<Integer> PORTS = List.of(22, 25, 33, 2377, 4789, 7946);

  @Property(tries = 200)
  void togetherEachPacketGetsWhatItGetsAlone(@ForAll long seed) {
    Random random = new Random(seed);
    Frontend front = Frontend.run(Path.of("test.swfw"), RandomPolicies.swarmPolicy(random));
    Assume.that(front.policy().isPresent());
    Optional<CompiledPolicy> policy = Compiler.compile(front.policy().get(), new Diagnostics());
    Assume.that(policy.isPresent());
    for (NodeIr node : policy.get().ir().nodes()) {
      for (Family family : Family.values()) {
        NetfilterModel model = new NetfilterModel(policy.get().node(node.role()).orElseThrow().ruleset(family));
        List<Cidr> addresses = addresses(node, family, random);
        for (int i = 0; i < 20; i++) {
          Packet p = packet(family, addresses.get(random.nextInt(addresses.size())),
              addresses.get(random.nextInt(addresses.size())), random);
          assertSameOutcomes(model, p, addresses);
        }
      }
    }
  }

  @Test
  void addressSetsAreLookedUpFromEitherSide() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append(i == 0 ? "" : ", ").append("10.0.").append(i * 3).append(".0/").append(i % 2 == 0 ? 24 : 30);
    }
    CompiledPolicy policy = Policies.compile("public eth0;\nlet many = { " + many + " };\n"
        + "allow tcp 22 from many;\ndeny udp 53 to many;\nallow udp 53 to { 10.0.3.0/24, 10.0.6.1 };\n");
    NetfilterModel model = new NetfilterModel(policy.node("default").orElseThrow().ruleset(Family.V4));
    List<Cidr> addresses = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      addresses.add(Addresses.parse("10.0." + i / 4 + "." + (i % 4) * 85).orElseThrow());
    }
    addresses.add(Addresses.parse("10.0.6.0/24").orElseThrow());
    for (int n : List.of(1, 3, 40, addresses.size())) {
      List<Cidr> some = addresses.subList(0, n);
      Cidr first = some.get(0);
      assertSameOutcomes(model, Probe.inbound(Protocol.TCP, 22, first, first), some);
      assertSameOutcomes(model, Probe.inbound(Protocol.UDP, 53, first, first), some);
    }
  }

  private static void assertSameOutcomes(NetfilterModel model, Packet p, List<Cidr> addresses) {
    List<Outcome> from = new ArrayList<>();
    List<Outcome> to = new ArrayList<>();
    for (Cidr a : addresses) {
      from.add(outcome(model.evaluate(withAddresses(p, a, p.dst()))));
      to.add(outcome(model.evaluate(withAddresses(p, p.src(), a))));
    }
    assertEquals(from, model.evaluateFrom(p, addresses), p.describe());
    assertEquals(to, model.evaluateTo(p, addresses), p.describe());
  }

  private static Outcome outcome(Trace t) {
    return new Outcome(t.verdict(), t.decidedBy());
  }

  /** Every network the node's rules name, its first and last address and the one after, others, and some twice. */
  private static List<Cidr> addresses(NodeIr node, Family family, Random random) {
    List<Cidr> out = new ArrayList<>();
    out.add(Addresses.parse(family == Family.V4 ? "203.0.113.254" : "2001:db8:ffff::fe").orElseThrow());
    for (RuleIr r : node.rules()) {
      List<Cidr> named = new ArrayList<>(r.from());
      named.addAll(r.to());
      for (Cidr c : named) {
        if (c.family() == family) {
          Cidr last = c.last();
          out.addAll(List.of(c, first(c), last, next(last)));
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      out.add(out.get(random.nextInt(out.size())));
    }
    Collections.shuffle(out, random);
    return out;
  }

  private static Cidr first(Cidr c) {
    Cidr n = c.network();
    return new Cidr(n.family(), n.hi(), n.lo(), n.bits());
  }

  /** The address after {@code a}, wrapping past the last one. */
  private static Cidr next(Cidr a) {
    long lo = a.lo() + 1;
    long hi = lo == 0 ? a.hi() + 1 : a.hi();
    return a.family() == Family.V4 ? new Cidr(Family.V4, 0, lo & 0xffffffffL, 32) : new Cidr(Family.V6, hi, lo, 128);
  }

  private static Packet packet(Family family, Cidr src, Cidr dst, Random random) {
    Protocol protocol = PROTOCOLS.get(random.nextInt(PROTOCOLS.size()));
    int port = PORTS.get(random.nextInt(PORTS.size()));
    Packet.Path path = Packet.Path.values()[random.nextInt(Packet.Path.values().length)];
    Packet.CtState state = random.nextInt(4) == 0 ? Packet.CtState.ESTABLISHED : Packet.CtState.NEW;
    return new Packet(family, path, protocol, src, dst, 40000, protocol.hasPorts() ? port : 0,
        protocol.isIcmp() ? Optional.of(8) : Optional.empty(), IFACES.get(random.nextInt(IFACES.size())), state, 64);
  }

  private static Packet withAddresses(Packet p, Cidr src, Cidr dst) {
    return new Packet(p.family(), p.path(), p.protocol(), src, dst, p.srcPort(), p.dstPort(), p.icmpType(), p.iface(),
        p.state(), p.hopLimit());
  }

  /** A new IPv4 connection to the host on eth0. */
  private static final class Probe {
    static Packet inbound(Protocol protocol, int port, Cidr src, Cidr dst) {
      return new Packet(Family.V4, Packet.Path.INPUT, protocol, src, dst, 40000, port, Optional.empty(), "eth0",
          Packet.CtState.NEW, 64);
    }
  }
}
