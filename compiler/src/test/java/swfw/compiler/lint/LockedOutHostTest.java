package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import swfw.diag.Diagnostic;

/** SW4001 through the API {@code swfw push} calls: which hosts a policy would lock out. */
class LockedOutHostTest {
  private static List<String> lockedOut(String policy) {
    LintRun run = LintRun.of(policy);
    return Lints.lockout(run.compiled().orElseThrow()).stream().map(d -> d.span().line() + " " + d.code()).toList();
  }

  @Test
  void aHostWhoseSshIsOpenFromSomewhereIsFine() {
    assertEquals(List.of(), lockedOut("""
        public eth0;
        allow tcp ssh from 198.51.100.0/24;
        host a role default address 192.0.2.10;
        """));
  }

  @Test
  void theProbeFindsTheOneOpenGapBetweenADenyAndAnAllow() {
    assertEquals(List.of(), lockedOut("""
        public eth0;
        deny tcp 22 from 10.0.0.0/32;
        deny tcp 22 from 10.0.0.2/31;
        allow tcp 22 from 10.0.0.0/29;
        host a role default address 192.0.2.10;
        """));
  }

  @Test
  void aDenyThatCoversTheAllowLocksOut() {
    assertEquals(List.of("4 SW4001"), lockedOut("""
        public eth0;
        deny tcp 22 from 10.0.0.0/8;
        allow tcp 22 from 10.1.0.0/16;
        host a role default address 192.0.2.10;
        """));
  }

  @Test
  void theHostFamilyDecides() {
    assertEquals(List.of("4 SW4001"), lockedOut("""
        public eth0;
        allow tcp 22 from 198.51.100.0/24;
        host v4 role default address 192.0.2.10;
        host v6 role default address 2001:db8::10;
        """));
  }

  @Test
  void aDestinationRestrictionMustHoldTheHostsAddress() {
    assertEquals(List.of("4 SW4001"), lockedOut("""
        public eth0;
        allow tcp 22 to 192.0.2.10;
        host a role default address 192.0.2.10;
        host b role default address 192.0.2.11;
        """));
  }

  @Test
  void sshOnAnyGuardedInterfaceKeepsAPathOpen() {
    assertEquals(List.of(), lockedOut("""
        public eth0, eth1;
        allow tcp 22 on eth1;
        host a role default address 192.0.2.10;
        """));
  }

  @Test
  void aNodeWithoutGuardedInterfacesFiltersNothing() {
    assertEquals(List.of(), lockedOut("""
        trust ens11;
        node open { allow tcp 80 on "ens11x"; }
        node trusted { trust eth0; }
        host a role trusted address 192.0.2.10;
        """));
  }

  @Test
  void rateLimitedSshStillLetsTheFirstConnectionIn() {
    assertEquals(List.of(), lockedOut("""
        public eth0;
        allow tcp 22 limit 3/minute;
        host a role default address 192.0.2.10;
        """));
  }

  @Test
  void theJumpHostsAddressIsWherePushComesFrom() {
    assertEquals(List.of("6 SW4001"), lockedOut("""
        public eth0;
        node bastion { allow tcp 22; }
        node inner { allow tcp 22 from 10.0.0.0/8; }
        host bastion-1 role bastion address 10.1.1.1;
        host in-1 role inner address 10.2.2.2 jump bastion-1;
        host in-2 role inner address 10.2.2.3 jump other;
        host other role bastion address 192.0.2.1;
        """));
  }

  @Test
  void aSuppressionWithAReasonWavesItThroughForPush() {
    LintRun run = LintRun.of("""
        public eth0;
        allow tcp 80;
        # swfw:ignore SW4001 -- console access only, see runbook
        host a role default address 192.0.2.10;
        host b role default address 192.0.2.11;
        """);
    List<Diagnostic> left = Lints.lockout(run.compiled().orElseThrow(), run.front().loaded().sources());
    assertEquals(List.of(5), left.stream().map(d -> d.span().line()).toList());
    assertEquals(List.of("4 SW4001"), run.report().suppressed().stream()
        .map(s -> s.finding().span().line() + " " + s.finding().code()).toList());
  }
}
