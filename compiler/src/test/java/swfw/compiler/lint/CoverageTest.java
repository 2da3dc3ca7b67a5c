package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coverage check behind SW4002-SW4004: sound (never calls a rule dead that can match) and
 * conservative. Policies are written one statement per line; results read "LINE KIND".
 */
class CoverageTest {
  private static List<String> covered(String policy) {
    LintRun run = LintRun.of(policy);
    LintContext context = new LintContext(run.front().loaded(), run.front().policy().orElseThrow(),
        run.compiled().orElseThrow());
    Coverage.Result result = Coverage.of(context);
    return result.covered().stream().map(c -> c.statement().line() + " " + result.kinds().get(c.statement())).toList();
  }

  @Test
  void aBroaderNetworkCoversANarrowerOneButNotTheOtherWayRound() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow tcp 22 from 10.0.0.0/8;
        allow tcp 22 from 10.1.0.0/16;
        allow tcp 23 from 10.1.0.0/16;
        allow tcp 23 from 10.0.0.0/8;
        """));
  }

  @Test
  void overlappingButNotContainedNetworksCoverNothing() {
    assertEquals(List.of(), covered("""
        public eth0;
        allow tcp 22 from { 10.0.0.0/9, 192.168.0.0/16 };
        allow tcp 22 from 10.0.0.0/8;
        allow tcp 22 from 192.168.0.0/15;
        """));
  }

  @Test
  void adjacentNetworksOfOneRuleJoinIntoTheirSupernet() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow udp 53 from { 10.0.0.0/9, 10.128.0.0/9 };
        allow udp 53 from 10.0.0.0/8;
        """));
  }

  @Test
  void adjacentNetworksOfTwoRulesDoNotJoinForOnePart() {
    assertEquals(List.of(), covered("""
        public eth0;
        allow udp 53 from 10.0.0.0/9;
        allow udp 53 from 10.128.0.0/9;
        allow udp 53 from 10.0.0.0/8;
        """));
  }

  @Test
  void eachPartMayBeCoveredByADifferentEarlierRule() {
    assertEquals(List.of("4 SHADOWED"), covered("""
        public eth0;
        allow udp 53 from 10.0.0.0/9;
        allow udp 53 from 10.128.0.0/9;
        allow udp 53 from { 10.0.0.0/16, 10.200.0.0/16 };
        """));
  }

  @Test
  void portRangesCoverWhatTheyHoldAndNoMore() {
    assertEquals(List.of("3 SHADOWED", "6 SHADOWED"), covered("""
        public eth0;
        allow tcp 8000-8100;
        allow tcp { 8000, 8050-8060, 8100 };
        allow tcp 7999-8000;
        allow udp { 80, 81-90 };
        allow udp 80-90;
        allow udp 80-91;
        """));
  }

  @Test
  void aRuleWithoutPortsCoversPortZeroTooSoAllNamedPortsDoNotCoverIt() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow tcp;
        allow tcp 1-65535;
        deny udp 1-65535 from 192.0.2.0/24;
        deny udp from 192.0.2.0/24;
        """));
  }

  @Test
  void noProtocolCoversEveryProtocolButNoProtocolCoversNone() {
    assertEquals(List.of("3 SHADOWED", "4 SHADOWED", "5 SHADOWED"), covered("""
        public eth0;
        deny from 192.0.2.0/24;
        deny tcp 22 from 192.0.2.0/24;
        deny icmp from 192.0.2.7;
        deny udp 53 from 192.0.2.7;
        reject tcp from 198.51.100.0/24;
        reject from 198.51.100.0/24;
        """));
  }

  @Test
  void aProtocolDoesNotCoverAnother() {
    assertEquals(List.of(), covered("""
        public eth0;
        allow tcp 53;
        allow udp 53;
        """));
  }

  @Test
  void icmpTypesCoverWhatTheyName() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow icmp;
        allow icmp echo-request;
        allow icmpv6 echo-request from 2001:db8::/32;
        allow icmpv6 from 2001:db8::/32;
        """));
  }

  @Test
  void destinationsCountLikeSources() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow tcp 443 to 192.0.2.0/24;
        allow tcp 443 to 192.0.2.10;
        allow tcp 443 from 192.0.2.0/24;
        """));
  }

  @Test
  void inboundInterfacesAreChainsOfTheirOwn() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0, eth1;
        allow tcp 22;
        allow tcp 22 on eth1;
        allow tcp 80 on eth0;
        allow tcp 80;
        """));
  }

  /** An outbound rule without 'on' filters on the guarded interfaces, as the lowering writes it. */
  @Test
  void outboundInterfacePatternsCoverTheNamesTheyMatch() {
    assertEquals(List.of("3 SHADOWED", "7 SHADOWED"), covered("""
        public eth0;
        deny out tcp 25 on eth+;
        deny out tcp 25 on eth0, eth1+;
        deny out tcp 26;
        deny out tcp 26 on wg0;
        deny out tcp 27 on eth0;
        deny out tcp 27;
        deny out tcp 28 on eth1+;
        deny out tcp 28 on eth+;
        """));
  }

  @Test
  void aRuleIsDeadOnlyWhenDeadInEveryFamily() {
    assertEquals(List.of("4 SHADOWED"), covered("""
        public eth0;
        allow tcp 22 from 10.0.0.0/8;
        allow tcp 22 from { 10.1.0.0/16, 2001:db8::/32 };
        allow tcp 22 from 10.2.0.0/16;
        """));
  }

  @Test
  void aGlobalRuleIsDeadOnlyWhenDeadInEveryNode() {
    assertEquals(List.of("4 SHADOWED"), covered("""
        public eth0;
        node a { allow tcp; }
        node b { allow tcp 22; }
        allow tcp 22 from 192.0.2.0/24;
        allow tcp 80 from 192.0.2.0/24;
        """));
  }

  @Test
  void aRateLimitedInboundRuleCoversAnOutboundOneDoesNot() {
    assertEquals(List.of("3 SHADOWED"), covered("""
        public eth0;
        allow icmp echo-request limit 5/second;
        allow icmp echo-request from 192.0.2.0/24;
        allow out udp 53 limit 10/second;
        deny out udp 53;
        """));
  }

  @Test
  void publishAndAllowAreDifferentChains() {
    assertEquals(List.of("4 SHADOWED"), covered("""
        public eth0;
        allow tcp 8080;
        publish tcp 8080;
        publish tcp 8080 from 192.0.2.0/24;
        """));
  }

  @Test
  void kindsTellDuplicatesFromShadowedAndOverriddenRules() {
    assertEquals(List.of("3 DUPLICATE", "4 SHADOWED", "5 OVERRIDDEN", "8 OVERRIDDEN"), covered("""
        public eth0;
        allow tcp 22 "first";
        allow tcp 22 "same match, other comment";
        allow tcp 22 from 192.0.2.0/24;
        deny tcp 22 from 192.0.2.0/24;
        deny udp 53 from 10.0.0.0/9;
        allow udp 53 from 10.128.0.0/9;
        reject udp 53 from { 10.0.0.0/16, 10.200.0.0/16 };
        """));
  }
}
