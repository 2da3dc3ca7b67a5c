package swfw.compiler.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Policies;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Family;

class NetfilterModelTest {
  private static final CompiledPolicy POLICY = Policies.compile("""
      public eth0;
      trust ens11;
      allow icmp echo-request limit 8/second;
      node master {
        allow tcp 22;
        allow tcp 9443 from { 198.51.100.0/24, 2001:db8:42::/48 };
        publish tcp 8080;
        deny out tcp 25 on eth0;
      }
      """);

  private static Trace run(Family family, Packet.Path path, Protocol proto, String src, int port, String iface,
      Packet.CtState state) {
    String dst = family == Family.V4 ? "192.0.2.1" : "2001:db8:ffff::1";
    Packet p = new Packet(family, path, proto, Addresses.parse(src).orElseThrow(), Addresses.parse(dst).orElseThrow(),
        40000, port, proto.isIcmp() ? Optional.of(port) : Optional.empty(), iface, state, 255);
    return new NetfilterModel(POLICY.node("master").orElseThrow().ruleset(family)).evaluate(p);
  }

  private static Trace tcpIn(String src, int port) {
    return run(src.contains(":") ? Family.V6 : Family.V4, Packet.Path.INPUT, Protocol.TCP, src, port, "eth0",
        Packet.CtState.NEW);
  }

  @Test
  void allowedServiceIsAcceptedByItsOwnRule() {
    Trace t = tcpIn("203.0.113.5", 22);
    assertEquals(Trace.Verdict.ACCEPT, t.verdict());
    assertEquals("test.swfw:5", t.decidedBy().orElseThrow().rule().comment());
  }

  @Test
  void unlistedPortFallsToTheDefaultDeny() {
    Trace t = tcpIn("203.0.113.5", 23);
    assertEquals(Trace.Verdict.DROP, t.verdict());
    assertTrue(t.decidedBy().orElseThrow().rule().comment().endsWith("default deny on eth0"));
  }

  @Test
  void sourceRestrictionHoldsInBothFamilies() {
    assertEquals(Trace.Verdict.ACCEPT, tcpIn("198.51.100.9", 9443).verdict());
    assertEquals(Trace.Verdict.DROP, tcpIn("203.0.113.9", 9443).verdict());
    assertEquals(Trace.Verdict.ACCEPT, tcpIn("2001:db8:42::7", 9443).verdict());
    assertEquals(Trace.Verdict.DROP, tcpIn("2001:db8:43::7", 9443).verdict());
  }

  @Test
  void trustedAndUnnamedInterfacesAreNotFiltered() {
    Trace t = run(Family.V4, Packet.Path.INPUT, Protocol.TCP, "10.10.10.2", 2377, "ens11", Packet.CtState.NEW);
    assertEquals(Trace.Verdict.PASS, t.verdict());
    assertEquals(1, t.rulesTraversed(), "only the eth0 hook is compared");
  }

  @Test
  void publishedPortIsLetThroughToDockerOthersAreDropped() {
    assertEquals(Trace.Verdict.PASS,
        run(Family.V4, Packet.Path.FORWARD, Protocol.TCP, "203.0.113.5", 8080, "eth0", Packet.CtState.NEW).verdict());
    assertEquals(Trace.Verdict.DROP,
        run(Family.V4, Packet.Path.FORWARD, Protocol.TCP, "203.0.113.5", 9090, "eth0", Packet.CtState.NEW).verdict());
    assertEquals(Trace.Verdict.PASS,
        run(Family.V4, Packet.Path.FORWARD, Protocol.TCP, "203.0.113.5", 9090, "eth0", Packet.CtState.ESTABLISHED)
            .verdict());
  }

  @Test
  void publishToAdmitsOnlyConnectionsToThatNodeAddressBeforeDnat() {
    CompiledPolicy policy = Policies.compile("public eth0; publish tcp 8080 to 192.0.2.1;");
    NetfilterModel model = new NetfilterModel(policy.node("default").orElseThrow().v4());
    Packet toNamed = new Packet(Family.V4, Packet.Path.FORWARD, Protocol.TCP, Addresses.parse("203.0.113.5").orElseThrow(),
        Addresses.parse("192.0.2.1").orElseThrow(), 40000, 8080, Optional.empty(), "eth0", Packet.CtState.NEW, 64);
    Packet toOther = new Packet(Family.V4, Packet.Path.FORWARD, Protocol.TCP, toNamed.src(),
        Addresses.parse("192.0.2.2").orElseThrow(), 40000, 8080, Optional.empty(), "eth0", Packet.CtState.NEW, 64);
    assertEquals(Trace.Verdict.PASS, model.evaluate(toNamed).verdict());
    assertEquals(Trace.Verdict.DROP, model.evaluate(toOther).verdict());
  }

  @Test
  void repliesAreAcceptedBeforeAnyServiceRule() {
    Trace t = tcpIn("203.0.113.5", 40001);
    assertEquals(Trace.Verdict.DROP, t.verdict());
    Trace reply = run(Family.V4, Packet.Path.INPUT, Protocol.TCP, "203.0.113.5", 40001, "eth0",
        Packet.CtState.ESTABLISHED);
    assertEquals(Trace.Verdict.ACCEPT, reply.verdict());
    assertEquals(3, reply.rulesTraversed(), "hook, the jump to the echo limit (not taken), established");
  }

  @Test
  void neighbourDiscoveryPassesEvenUntracked() {
    Trace t = run(Family.V6, Packet.Path.INPUT, Protocol.ICMPV6, "fe80::1", 135, "eth0", Packet.CtState.UNTRACKED);
    assertEquals(Trace.Verdict.ACCEPT, t.verdict());
    assertEquals("swfw: neighbour discovery", t.decidedBy().orElseThrow().rule().comment());
  }

  @Test
  void outboundRuleAppliesOnlyToItsInterface() {
    assertEquals(Trace.Verdict.DROP,
        run(Family.V4, Packet.Path.OUTPUT, Protocol.TCP, "192.0.2.1", 25, "eth0", Packet.CtState.NEW).verdict());
    assertEquals(Trace.Verdict.PASS,
        run(Family.V4, Packet.Path.OUTPUT, Protocol.TCP, "192.0.2.1", 25, "ens11", Packet.CtState.NEW).verdict());
  }
}
