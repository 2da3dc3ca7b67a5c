package swfw.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import swfw.runtime.HostError;
import swfw.runtime.inventory.Host;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.lab.SshHost;
import swfw.runtime.lab.SshLab;
import swfw.runtime.ssh.ExecResult;
import swfw.runtime.ssh.Passphrases;
import swfw.runtime.ssh.Remote;
import swfw.runtime.ssh.Ssh;
import swfw.runtime.ssh.SshOptions;
import swfw.testkit.Iptables;

/** The host agent over a real SSH connection to a namespace host: the cases a valid policy cannot provoke. */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentKernelTest {
  private static final String CHAIN = """
      *filter
      :SWFW-IN-eth0 - [0:0]
      :SWFW-FWD-eth0 - [0:0]
      -A SWFW-IN-eth0 -p tcp -m tcp --dport 9 -j DROP
      -A SWFW-FWD-eth0 -j RETURN
      -I INPUT 1 -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0
      -I DOCKER-USER 1 -i eth0 -m comment --comment swfw-hook -j SWFW-FWD-eth0
      COMMIT
      """;
  private static final String UNDO = """
      *filter
      :SWFW-IN-eth0 - [0:0]
      :SWFW-FWD-eth0 - [0:0]
      -D INPUT -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0
      -D DOCKER-USER -i eth0 -m comment --comment swfw-hook -j SWFW-FWD-eth0
      -X SWFW-IN-eth0
      -X SWFW-FWD-eth0
      COMMIT
      """;
  private static final String NOTHING = "*filter\nCOMMIT\n";

  private SshLab lab;
  private SshHost host;
  private Ssh ssh;

  @BeforeAll
  void startLab() {
    lab = SshLab.start(List.of(SshLab.Spec.of("solo", 21)));
    host = lab.host("solo");
    ssh = new Ssh(new SshOptions(lab.knownHosts(), false, Duration.ofSeconds(3), Duration.ofSeconds(20),
        Passphrases.none(), List.of()), Inventory.ofHosts(List.of(hostEntry())));
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void fresh() {
    lab.reset();
  }

  private Map<String, String> files(String apply4, String apply6, String rollback4, String rollback6) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply.v4", apply4);
    f.put("apply.v6", apply6);
    f.put("rollback.v4", rollback4);
    f.put("rollback.v6", rollback6);
    f.put("rules.v4", apply4);
    f.put("rules.v6", apply6);
    return f;
  }

  @Test
  void whenIpv6FailsTheIpv4ChangeIsRolledBackAtOnce() throws Exception {
    // An ipset in the live rules keeps them from loading in a test namespace, and nft's --test only
    // parses: so the broken IPv6 payload gets as far as the real load, as a race with dockerd could.
    host.netns().run("ipset", "create", "s6", "hash:ip", "family", "inet6");
    host.ip6tables().run("-A", "INPUT", "-m", "set", "--match-set", "s6", "src", "-j", "ACCEPT");
    String v4 = host.iptables().save();
    String badV6 = "*filter\n-D INPUT -p tcp -m tcp --dport 9 -j DROP\nCOMMIT\n";
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      agent.begin(r);
      AgentError e = assertThrows(AgentError.class,
          () -> agent.apply(r, files(CHAIN, badV6, UNDO, NOTHING), Duration.ofSeconds(5), false));
      assertEquals(AgentError.V6_ROLLED_BACK, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("IPv6 rules did not load ("), e.getMessage());
      assertEquals(v4, host.iptables().save(), "IPv4 is as before");
      assertEquals("rolled-back", agent.status(r, Duration.ofSeconds(5)));
    }
    host.netns().run("sh", "-c", "ip6tables -F INPUT; ipset destroy s6");
  }

  @Test
  void aPayloadThatFailsItsTestChangesNothing() throws Exception {
    String before = host.iptables().save();
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      agent.begin(r);
      String bad = "*filter\n-A SWFW-NOPE -j DROP\nCOMMIT\n";
      AgentError e = assertThrows(AgentError.class,
          () -> agent.apply(r, files(bad, NOTHING, NOTHING, NOTHING), Duration.ofSeconds(5), false));
      assertEquals(AgentError.TEST_FAILED, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("IPv4 rules failed to load in a test namespace: "), e.getMessage());
    }
    assertEquals(before, host.iptables().save());
    assertTrue(Files.notExists(host.file("/run/swfw/lock")), "the lock is released");
  }

  @Test
  void aRollbackThatFailsInTheTestNamespaceIsReportedWithItsOwnLineAndChangesNothing() throws Exception {
    String before = host.iptables().save();
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      agent.begin(r);
      String bad = "*filter\n-D INPUT -p tcp -m tcp --dport 7 -j DROP\nCOMMIT\n";
      AgentError e = assertThrows(AgentError.class,
          () -> agent.apply(r, files(CHAIN, NOTHING, bad, NOTHING), Duration.ofSeconds(5), false));
      assertEquals(AgentError.TEST_FAILED, e.code(), e.getMessage());
      // the payload and its rollback are tested in one iptables-restore; the error is the rollback's own
      assertTrue(e.getMessage().startsWith("IPv4 rollback failed to load in a test namespace: "), e.getMessage());
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
    assertEquals(before, host.iptables().save());
    assertTrue(Files.notExists(host.file("/run/swfw/lock")), "the lock is released");
  }

  @Test
  void aRollbackThatLoadsButLeavesSwfwsChainsFailsTheTest() throws Exception {
    String before = host.iptables().save();
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      agent.begin(r);
      AgentError e = assertThrows(AgentError.class,
          () -> agent.apply(r, files(CHAIN, NOTHING, NOTHING, NOTHING), Duration.ofSeconds(5), false));
      assertEquals(AgentError.TEST_FAILED, e.code(), e.getMessage());
      assertEquals("IPv4 rollback does not restore the previous rules (test namespace)", e.getMessage());
    }
    assertEquals(before, host.iptables().save());
  }

  @Test
  void aSecondPushWaitsForThePendingOneAndAStaleConfirmationIsRefused() throws Exception {
    AgentClient first = AgentClient.withRandomNonce();
    AgentClient second = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      first.begin(r);
      first.apply(r, files(CHAIN, NOTHING, UNDO, NOTHING), Duration.ofSeconds(2), false);
      AgentError locked = assertThrows(AgentError.class, () -> second.begin(r));
      assertEquals(AgentError.LOCKED, locked.code());
      assertTrue(locked.getMessage().contains("waiting for its confirmation"), locked.getMessage());
      Thread.sleep(3000);
      assertEquals("rolled-back", first.status(r, Duration.ofSeconds(5)));
      AgentError late = assertThrows(AgentError.class, () -> first.confirm(r));
      assertEquals(AgentError.TOO_LATE, late.code());
      second.begin(r);
      second.release(r);
    }
  }

  @Test
  void theBootCommandLoadsTheConfirmedRulesIdempotentlyBeforeDockerExists() throws Exception {
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      agent.begin(r);
      agent.apply(r, files(CHAIN, NOTHING, UNDO, NOTHING), Duration.ofSeconds(10), false);
      try (Remote fresh = ssh.connect(hostEntry())) {
        assertEquals("files", agent.confirm(fresh).get("persisted"), "no systemd in the namespace: files only");
      }
      String applied = host.iptables().save();
      assertEquals(0, boot(r).status());
      assertEquals(applied, host.iptables().save(), "a second load changes nothing");

      host.netns().run("sh", "-c", "iptables -F; iptables -X; iptables -P FORWARD ACCEPT");
      ExecResult atBoot = boot(r);
      assertEquals(0, atBoot.status(), atBoot.stderr());
      assertEquals("""
          *filter
          :INPUT ACCEPT [0:0]
          :FORWARD ACCEPT [0:0]
          :OUTPUT ACCEPT [0:0]
          :DOCKER-USER - [0:0]
          :SWFW-FWD-eth0 - [0:0]
          :SWFW-IN-eth0 - [0:0]
          -A INPUT -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0
          -A FORWARD -j DOCKER-USER
          -A DOCKER-USER -i eth0 -m comment --comment swfw-hook -j SWFW-FWD-eth0
          -A SWFW-FWD-eth0 -j RETURN
          -A SWFW-IN-eth0 -p tcp -m tcp --dport 9 -j DROP
          COMMIT
          """, host.iptables().save("filter"), "before Docker: swfw's chains, and DOCKER-USER (with its FORWARD jump) for Docker to adopt");
    }
  }

  @Test
  void aPushInOneProcessBacksUpFirstAndRollsBackByItselfWhenNoNewLoginConfirms() throws Exception {
    String before = host.iptables().save();
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      Begin begin;
      Map<String, String> facts;
      try (AgentClient.Session s = agent.start(r)) {
        begin = s.begin();
        facts = s.apply(files(CHAIN, NOTHING, UNDO, NOTHING), Duration.ofSeconds(2), false);
      }
      assertEquals(Iptables.normalise(before.substring(before.indexOf("*filter"))).split("COMMIT")[0],
          Iptables.normalise(begin.save4()).split("COMMIT")[0], "swfw plans from the live filter table");
      assertTrue(Set.of("nft", "legacy").contains(begin.fact("backend")), "read from the header of the save");
      String backup = Files.readString(host.file("/var/lib/swfw/backup/" + agent.nonce() + ".v4"));
      assertEquals(before, Iptables.normalise(backup), "the backup holds every table, taken when the push began");
      assertEquals("ok", facts.get("applied"));
      assertEquals("ok", facts.get("sandbox-v4"), "tested in a namespace, from that backup");
      assertTrue(host.iptables().save().contains("SWFW-IN-eth0"), "applied");
      // nobody logs in again to confirm: the host's own timer restores the rules
      Thread.sleep(3500);
      assertEquals("rolled-back", agent.status(r, Duration.ofSeconds(5)));
    }
    assertEquals(before, host.iptables().save());
    assertTrue(Files.notExists(host.file("/run/swfw/lock")), "the lock is released");
  }

  @Test
  void aPushInOneProcessIsConfirmedOverANewConnection() throws Exception {
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      try (AgentClient.Session s = agent.start(r)) {
        s.apply(files(CHAIN, NOTHING, UNDO, NOTHING), Duration.ofSeconds(10), false);
      }
      try (Remote fresh = ssh.connect(hostEntry())) {
        assertEquals("ok", agent.confirm(fresh).get("confirmed"));
      }
      assertEquals("confirmed", agent.status(r, Duration.ofSeconds(5)));
    }
    assertTrue(host.iptables().save().contains("SWFW-IN-eth0"));
    assertTrue(Files.readString(host.file("/etc/swfw/rules.v4")).contains("SWFW-IN-eth0"), "persisted");
  }

  @Test
  void aPushThatEndsWithoutADecisionReleasesTheLockAndAFailedTestChangesNothing() throws Exception {
    String before = host.iptables().save();
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      try (AgentClient.Session s = agent.start(r)) {
        assertTrue(Files.exists(host.file("/run/swfw/lock")), "the push holds the lock");
      }
      // the agent reads the end of its input and lets the next push in
      AgentClient next = AgentClient.withRandomNonce();
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (Files.exists(host.file("/run/swfw/lock")) && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      try (AgentClient.Session s = next.start(r)) {
        String bad = "*filter\n-A SWFW-NOPE -j DROP\nCOMMIT\n";
        AgentError e = assertThrows(AgentError.class,
            () -> s.apply(files(bad, NOTHING, NOTHING, NOTHING), Duration.ofSeconds(5), false));
        assertEquals(AgentError.TEST_FAILED, e.code(), e.getMessage());
      }
    }
    assertEquals(before, host.iptables().save());
    assertTrue(Files.notExists(host.file("/run/swfw/lock")), "the lock is released");
  }

  @Test
  void aDetachedPushKeepsTheLockForAnApplyStepOfItsOwn() throws Exception {
    AgentClient agent = AgentClient.withRandomNonce();
    try (Remote r = ssh.connect(hostEntry())) {
      try (AgentClient.Session s = agent.start(r)) {
        s.detach();
      }
      AgentError locked = assertThrows(AgentError.class, () -> AgentClient.withRandomNonce().begin(r));
      assertEquals(AgentError.LOCKED, locked.code());
      Map<String, String> facts = agent.apply(r, files(CHAIN, NOTHING, UNDO, NOTHING), Duration.ofSeconds(10), false);
      assertEquals("ok", facts.get("applied"));
      try (Remote fresh = ssh.connect(hostEntry())) {
        agent.confirm(fresh);
      }
    }
    assertTrue(host.iptables().save().contains("SWFW-IN-eth0"));
    assertTrue(Files.notExists(host.file("/run/swfw/lock")), "the lock is released");
  }

  private ExecResult boot(Remote r) throws HostError {
    return r.exec("sh /var/lib/swfw/agent.sh boot", null);
  }

  private Host hostEntry() {
    return new Host("solo", "worker", host.address(), "root", 22, Optional.of(lab.clientKey().toString()),
        Optional.empty(), Optional.empty());
  }
}
