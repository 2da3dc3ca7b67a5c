package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import swfw.compiler.Policies;
import swfw.dsl.value.Family;

class RulesetBuilderTest {
  /** The -A lines of one chain, with the chain name and comments left out for readability. */
  private static String chain(String policy, String role, Family family, String chain) {
    Ruleset rs = Policies.compile(policy).node(role).orElseThrow().ruleset(family);
    return rs.chain(chain).orElseThrow().rules().stream()
        .map(r -> IptablesText.spec(r, family).replaceAll("(^| )-m comment --comment (\"[^\"]*\"|\\S+)", "").strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void guardedChainAcceptsEstablishedEarlyDropsInvalidAndDefaultDenies() {
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -m conntrack --ctstate INVALID -j DROP
        -p tcp -m tcp --dport 22 -j ACCEPT
        -j DROP
        """, chain("node worker allow tcp 22 on eth0; trust ens11;", "worker", Family.V4, "SWFW-IN-eth0"));
  }

  @Test
  void rateLimitedRuleGoesBeforeConntrackWithItsOverflowDrop() {
    String policy = "public eth0; allow icmp 3; allow icmp echo-request limit 8/second;";
    assertEquals("""
        -p icmp -m icmp --icmp-type 8 -j SWFW-IN-eth0/1
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -m conntrack --ctstate INVALID -j DROP
        -p icmp -m icmp --icmp-type 3 -j ACCEPT
        -j DROP
        """, chain(policy, "default", Family.V4, "SWFW-IN-eth0"));
    assertEquals("""
        -p icmp -m icmp --icmp-type 8 -m limit --limit 8/sec -j ACCEPT
        -p icmp -m icmp --icmp-type 8 -j DROP
        """, chain(policy, "default", Family.V4, "SWFW-IN-eth0/1"));
  }

  @Test
  void runsOfIcmpRulesSitBehindOneJumpSoOtherPacketsSkipThem() {
    String policy = "public eth0; allow icmp 3, 11; allow tcp 22; allow icmp 4;";
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -m conntrack --ctstate INVALID -j DROP
        -p icmp -j SWFW-IN-eth0/1
        -p tcp -m tcp --dport 22 -j ACCEPT
        -p icmp -m icmp --icmp-type 4 -j ACCEPT
        -j DROP
        """, chain(policy, "default", Family.V4, "SWFW-IN-eth0"));
    assertEquals("""
        -p icmp -m icmp --icmp-type 3 -j ACCEPT
        -p icmp -m icmp --icmp-type 11 -j ACCEPT
        """, chain(policy, "default", Family.V4, "SWFW-IN-eth0/1"));
  }

  @Test
  void limitedTcpRuleCountsNewConnectionsOnly() {
    String c = chain("public eth0; allow tcp 22 limit 6/minute burst 3;", "default", Family.V4, "SWFW-IN-eth0");
    assertTrue(c.startsWith("""
        -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m limit --limit 6/min --limit-burst 3 -j ACCEPT
        -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -j DROP
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        """), c);
  }

  @Test
  void earlierRuleSharingPacketsWithALimitedRuleStaysBeforeIt() {
    String c = chain("public eth0; allow tcp 22 from 10.0.0.0/8; allow tcp 80; allow tcp 22 limit 1/second;",
        "default", Family.V4, "SWFW-IN-eth0");
    assertEquals("""
        -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -j ACCEPT
        -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m limit --limit 1/sec -j ACCEPT
        -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -j DROP
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -m conntrack --ctstate INVALID -j DROP
        -p tcp -m tcp --dport 80 -j ACCEPT
        -j DROP
        """, c);
  }

  @Test
  void multiportTakesFifteenSlotsAndRangesCountTwice() {
    String ports = "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,100-200";
    String c = chain("public eth0; allow tcp " + ports + ";", "default", Family.V4, "SWFW-IN-eth0");
    assertTrue(c.contains("-p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT\n"), c);
    assertTrue(c.contains("-p tcp -m multiport --dports 16,100:200 -j ACCEPT\n"), c);
  }

  @Test
  void publishedPortMatchesTheOriginalDestinationPortAndReturns() {
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
        -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN
        -s 198.51.100.0/24 -p udp -m conntrack --ctorigdstport 5000:5010 --ctdir ORIGINAL -j RETURN
        -j DROP
        """, chain("public eth0; publish tcp 8080; publish udp 5000-5010 from 198.51.100.0/24;", "default",
        Family.V4, "SWFW-FWD-eth0"));
  }

  @Test
  void publishToMatchesTheNodeAddressBeforeDnatNotTheContainers() {
    String policy = "public eth0; publish tcp 8080, 8443 to { 203.0.113.10, 203.0.113.64/26, 2001:db8::1 } from 198.51.100.0/24;";
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
        -s 198.51.100.0/24 -p tcp -m conntrack --ctorigdst 203.0.113.10 --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN
        -s 198.51.100.0/24 -p tcp -m conntrack --ctorigdst 203.0.113.10 --ctorigdstport 8443 --ctdir ORIGINAL -j RETURN
        -s 198.51.100.0/24 -p tcp -m conntrack --ctorigdst 203.0.113.64/26 --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN
        -s 198.51.100.0/24 -p tcp -m conntrack --ctorigdst 203.0.113.64/26 --ctorigdstport 8443 --ctdir ORIGINAL -j RETURN
        -j DROP
        """, chain(policy, "default", Family.V4, "SWFW-FWD-eth0"));
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
        -j DROP
        """, chain(policy, "default", Family.V6, "SWFW-FWD-eth0"), "the IPv6 'to' has no IPv6 'from': nothing to open");
  }

  @Test
  void longPublishToListIsOneRulePerAddressBecauseKernelSetsSeeTheContainer() {
    StringBuilder to = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      to.append(i == 1 ? "" : ", ").append("203.0.113.").append(i);
    }
    String policy = "public eth0; publish udp 5000 to { " + to + " } from { " + to.toString().replace("203.0.113", "198.51.100") + " };";
    Ruleset rs = Policies.compile(policy).node("default").orElseThrow().v4();
    List<IptRule> rules = rs.chain("SWFW-FWD-eth0").orElseThrow().rules();
    assertEquals(22, rules.size());
    assertTrue(rules.stream().allMatch(r -> r.dstSet().isEmpty() && r.dst().isEmpty()));
    assertEquals(1, rs.sets().size(), "the sources still share one kernel set");
    assertEquals("-p udp -m set --match-set " + rs.sets().get(0).name() + " src -m conntrack --ctorigdst 203.0.113.20"
        + " --ctorigdstport 5000 --ctdir ORIGINAL -j RETURN", IptablesText.spec(rules.get(20), Family.V4)
        .replaceAll(" -m comment --comment (\"[^\"]*\"|\\S+)", ""));
  }

  @Test
  void ipv6PublishToPrintsASingleAddressWithoutItsPrefixLength() {
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
        -p tcp -m conntrack --ctorigdst 2001:db8:1::1 --ctorigdstport 443 --ctdir ORIGINAL -j RETURN
        -p tcp -m conntrack --ctorigdst 2001:db8:2::/64 --ctorigdstport 443 --ctdir ORIGINAL -j RETURN
        -j DROP
        """, chain("public eth0; publish tcp 443 to { 2001:db8:1::1, 2001:db8:2::/64 };", "default", Family.V6,
        "SWFW-FWD-eth0"));
  }

  @Test
  void ipv6ChainAlwaysLetsInTheIcmpv6ThatIpv6Needs() {
    String main = chain("public eth0; allow tcp 22;", "default", Family.V6, "SWFW-IN-eth0");
    assertEquals("""
        -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -p ipv6-icmp -j SWFW-IN-eth0/1
        -m conntrack --ctstate INVALID -j DROP
        """, main.substring(0, main.indexOf("-p tcp")), "NDP must pass before INVALID is dropped");
    String c = chain("public eth0; allow tcp 22;", "default", Family.V6, "SWFW-IN-eth0/1");
    for (int t : new int[] {1, 2, 3, 4}) {
      assertTrue(c.contains("-p ipv6-icmp -m icmp6 --icmpv6-type " + t + " -j ACCEPT\n"), c);
    }
    for (int t : new int[] {133, 134, 135, 136}) {
      assertTrue(c.contains("-p ipv6-icmp -m icmp6 --icmpv6-type " + t + " -m hl --hl-eq 255 -j ACCEPT\n"), c);
    }
  }

  @Test
  void rejectAnswersTcpWithResetAndOthersWithPortUnreachable() {
    String v4 = chain("public eth0; reject tcp 25; reject udp 53;", "default", Family.V4, "SWFW-IN-eth0");
    String v6 = chain("public eth0; reject udp 53;", "default", Family.V6, "SWFW-IN-eth0");
    assertTrue(v4.contains("-p tcp -m tcp --dport 25 -j REJECT --reject-with tcp-reset"), v4);
    assertTrue(v4.contains("-p udp -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable"), v4);
    assertTrue(v6.contains("-p udp -m udp --dport 53 -j REJECT --reject-with icmp6-port-unreachable"), v6);
  }

  @Test
  void everyRuleCarriesItsSourceLocationAndTheUsersComment() {
    Ruleset rs = Policies.compile("public eth0;\nallow tcp 22 \"SSH \\\"admin\\\" it's\";\n").node("default")
        .orElseThrow().v4();
    String spec = IptablesText.spec(rs.chain("SWFW-IN-eth0").orElseThrow().rules().get(2), Family.V4);
    assertEquals("-p tcp -m tcp --dport 22 -m comment --comment \"test.swfw:2 SSH \\\"admin\\\" it\\'s\" -j ACCEPT", spec);
  }

  @Test
  void quotesLikeIptablesSave() {
    assertEquals("swfw-hook", IptablesText.quote("swfw-hook"));
    assertEquals("\"a b\"", IptablesText.quote("a b"));
    assertEquals("\"x:1\"", IptablesText.quote("x:1"));
    assertEquals("\"\\\\ \\\"\"", IptablesText.quote("\\ \""));
    assertEquals("\"it\\'s caf\u00e9 \ud83d\udd25 \\\"ok\\\"\"", IptablesText.quote("it's caf\u00e9 \ud83d\udd25 \"ok\""));
    assertEquals("\"a b\"", IptablesText.quote("a\tb"));
  }
}
