package swfw.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import swfw.compiler.Policies;

/** The intermediate policy, read through its printed form, independent of any iptables text. */
class IrBuilderTest {
  private static String ir(String policy) {
    return IrPrinter.print(Policies.compile(policy).ir());
  }

  @Test
  void oneLineProgramGuardsTheNamedInterface() {
    assertEquals("""
        node worker
          guarded eth0
          trusted ens11
          1: ipv4 inbound accept tcp ports [22] on eth0
          1: ipv6 inbound accept tcp ports [22] on eth0
        """, ir("node worker allow tcp 22 on eth0; trust ens11;"));
  }

  @Test
  void ruleLandsInTheFamiliesOfItsAddresses() {
    assertEquals("""
        node default
          guarded eth0
          trusted -
          3: ipv4 inbound accept tcp ports [22] on eth0 from [10.0.0.0/8]
          3: ipv6 inbound accept tcp ports [22] on eth0 from [2001:db8::/32]
          4: ipv6 inbound accept tcp ports [80] on eth0 from [2001:db8::/32] to [2001:db8::1/128]
          5: ipv4 inbound drop any on eth0
          5: ipv6 inbound drop any on eth0
        """, ir("""
        public eth0;
        let mixed = { 10.0.0.0/8, 2001:db8::/32 };
        allow tcp 22 from mixed;
        allow tcp 80 from mixed to 2001:db8::1;
        deny;
        """));
  }

  @Test
  void icmpIsIpv4OnlyAndIcmpv6Ipv6Only() {
    String ir = ir("public eth0; allow icmp echo-request; allow icmpv6 echo-request;");
    assertTrue(ir.contains("1: ipv4 inbound accept icmp types [8] on eth0"), ir);
    assertTrue(ir.contains("1: ipv6 inbound accept icmpv6 types [128] on eth0"), ir);
    assertEquals(5, ir.lines().count(), ir);
  }

  @Test
  void globalAndNodeRulesKeepSourceOrderPerRole() {
    assertEquals("""
        node a
          guarded eth0
          trusted -
          2: ipv4 inbound accept tcp ports [22] on eth0
          3: ipv4 inbound accept tcp ports [80] on eth0
          4: ipv4 inbound accept tcp ports [443] on eth0
        node b
          guarded eth0
          trusted -
          2: ipv4 inbound accept tcp ports [22] on eth0
          4: ipv4 inbound accept tcp ports [443] on eth0
          5: ipv4 inbound accept tcp ports [25] on eth0
        """, ir("""
        public eth0;
        allow tcp 22 from 0.0.0.0/0;
        node a allow tcp 80 from 0.0.0.0/0;
        allow tcp 443 from 0.0.0.0/0;
        node b allow tcp 25 from 0.0.0.0/0;
        """));
  }

  @Test
  void publishAndOutboundHaveTheirOwnDirection() {
    String ir = ir("public eth0, eth1; publish tcp 8080 on eth1; deny out tcp 25;");
    assertTrue(ir.contains("1: ipv4 published accept tcp ports [8080] on eth1"), ir);
    assertTrue(ir.contains("1: ipv4 outbound drop tcp ports [25] on eth0,eth1"), ir);
  }

  @Test
  void emptySetMakesTheRuleMatchNothing() {
    String ir = ir("public eth0; let nobody = {}; allow tcp 22 from nobody;");
    assertEquals("node default\n  guarded eth0\n  trusted -\n", ir);
  }

  @Test
  void interfaceBothTrustedAndGuardedIsAnError() {
    String d = Policies.diagnostics("trust eth0;\nallow tcp 22 on eth0;\n");
    assertTrue(d.contains("error[SW2021]: interface 'eth0' is both trusted and guarded on node 'default'"), d);
  }

  @Test
  void ruleWithoutAnyGuardedInterfaceWarns() {
    String d = Policies.diagnostics("allow tcp 22;\n");
    assertTrue(d.contains("warning[SW3001]: node 'default' has no guarded interface, so this rule filters nothing"), d);
  }
}
