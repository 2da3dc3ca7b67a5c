package swfw.runtime.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import swfw.compiler.CompiledPolicy;
import swfw.dsl.check.CheckedPolicy;
import swfw.runtime.Target;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.lab.Policies;
import swfw.runtime.lab.SshHost;
import swfw.runtime.lab.SshLab;
import swfw.runtime.ssh.Passphrases;
import swfw.runtime.ssh.Ssh;
import swfw.runtime.ssh.SshOptions;
import swfw.runtime.verify.HostCheck;
import swfw.runtime.verify.Verify;
import swfw.testkit.Iptables;

/**
 * swfw push against real OpenSSH servers and real netfilter: three hosts (a manager and two
 * workers) in network namespaces, the test JVM as the operator in the root namespace. The Docker
 * engine cannot run here: Docker 28's filter chains are loaded from a fixture, and the hosts' docker
 * CLI is a stand-in script that records what it is asked.
 */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushKernelTest {
  private static final Duration CONFIRM = Duration.ofSeconds(2);
  private SshLab lab;

  @BeforeAll
  void startLab() {
    lab = SshLab.start(List.of(SshLab.Spec.of("ingress-1", 11), SshLab.Spec.of("node-1", 12),
        SshLab.Spec.of("node-2", 13), new SshLab.Spec("bare", 14, false)));
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void freshHosts() {
    lab.reset();
  }

  private String inventory(boolean swarm) {
    return Policies.host(lab.host("ingress-1"), "master", lab.clientKey(), swarm)
        + Policies.host(lab.host("node-1"), "worker", lab.clientKey(), swarm)
        + Policies.host(lab.host("node-2"), "worker", lab.clientKey(), swarm);
  }

  private Path policy(String name, String text) {
    return Policies.write(lab.dir(), name, text);
  }

  private SshOptions ssh() {
    return new SshOptions(lab.knownHosts(), false, Duration.ofSeconds(3), Duration.ofSeconds(30), Passphrases.none(),
        List.of());
  }

  private List<HostResult> push(Path file, SshOptions ssh, PushOptions options, Progress progress) {
    CheckedPolicy checked = Policies.check(file);
    CompiledPolicy compiled = Policies.compile(checked);
    Inventory inv = Inventory.of(checked.hosts());
    return new Push(new Ssh(ssh, inv), inv, options, progress).run(Target.resolve(compiled, inv.hosts()));
  }

  private List<HostResult> push(Path file) {
    return push(file, ssh(), options(false), Progress.none());
  }

  private static PushOptions options(boolean dryRun) {
    return new PushOptions(CONFIRM, 5, 1, dryRun, Optional.empty(), Duration.ofSeconds(10));
  }

  private static String outcomes(List<HostResult> results) {
    return results.stream().map(r -> r.host().name() + " " + r.outcome() + (r.failed() ? ": " + r.message() : ""))
        .collect(Collectors.joining("\n"));
  }

  /** Docker's part of a host's filter tables: everything but swfw's chains and hook jumps. */
  private static String dockerPart(Iptables t) {
    return t.save("filter").lines().filter(l -> !l.contains("SWFW-") && !l.contains("swfw-hook"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void pushesTheClusterInRollingBatchesAndOnlyTheIntendedPortsAnswer() throws Exception {
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory(true));
    String dockerBefore = dockerPart(lab.host("node-1").iptables());
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<HostResult> results = push(file, ssh(), options(false), (h, step, detail) -> events.add(h.name() + " " + step));

    assertEquals("ingress-1 APPLIED\nnode-1 APPLIED\nnode-2 APPLIED", outcomes(results));
    assertEquals(dockerBefore, dockerPart(lab.host("node-1").iptables()), "Docker's chains are untouched");
    // one node at a time: drained, applied, reactivated, then the next
    List<String> swarmSteps = events.stream().filter(e -> e.matches(".* (DRAIN|APPLIED|ACTIVATE)")).toList();
    assertEquals(List.of("ingress-1 DRAIN", "ingress-1 APPLIED", "ingress-1 ACTIVATE", "node-1 DRAIN", "node-1 APPLIED",
        "node-1 ACTIVATE", "node-2 DRAIN", "node-2 APPLIED", "node-2 ACTIVATE"), swarmSteps);
    assertEquals(List.of("node update --availability drain ingress-1",
        "node ps ingress-1 --filter desired-state=running -q", "node ps ingress-1 --filter desired-state=running -q",
        "node update --availability active ingress-1", "node update --availability drain node-1",
        "node ps node-1 --filter desired-state=running -q", "node ps node-1 --filter desired-state=running -q",
        "node update --availability active node-1", "node update --availability drain node-2",
        "node ps node-2 --filter desired-state=running -q", "node ps node-2 --filter desired-state=running -q",
        "node update --availability active node-2"), lab.host("ingress-1").dockerCalls(),
        "the manager was asked to drain, wait for and reactivate each node in turn");
    assertTrue(Files.readString(lab.host("node-1").file("/etc/swfw/rules.v4")).contains("-j SWFW-IN-eth0"));

    CheckedPolicy checked = Policies.check(file);
    List<HostCheck> scan = new Verify(Policies.compile(checked), Duration.ofMillis(700), 3)
        .check(Target.resolve(Policies.compile(checked), Inventory.of(checked.hosts()).hosts()));
    for (HostCheck c : scan) {
      assertTrue(c.ok(), c.host().name() + ": " + c.error().orElse("") + c.mismatches());
    }
    assertEquals("[22, 80, 443]", openPorts(scan.get(0)));
    assertEquals("[22]", openPorts(scan.get(1)));
  }

  private String worker(String name, Path key) {
    return Policies.host(lab.host(name), "worker", key, false);
  }

  @Test
  void aSecondPushChangesNothingAndLeavesIptablesSaveByteIdentical() {
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory(false));
    assertEquals("ingress-1 APPLIED\nnode-1 APPLIED\nnode-2 APPLIED", outcomes(push(file)));
    String v4 = lab.host("ingress-1").iptables().save();
    String v6 = lab.host("ingress-1").ip6tables().save();

    assertEquals("ingress-1 IN_POLICY\nnode-1 IN_POLICY\nnode-2 IN_POLICY", outcomes(push(file)));
    assertEquals(v4, lab.host("ingress-1").iptables().save());
    assertEquals(v6, lab.host("ingress-1").ip6tables().save());
    assertEquals(1, v4.lines().filter(l -> l.startsWith("-A INPUT ") && l.contains("swfw-hook")).count());
  }

  @Test
  void aPolicyThatLocksTheOperatorOutIsRolledBackByTheHostItself() {
    Path cluster = policy("cluster.swfw", Policies.clusterRules() + worker("node-1", lab.clientKey()));
    assertEquals("node-1 APPLIED", outcomes(push(cluster)));
    String before = lab.host("node-1").iptables().save();
    Path lockout = policy("lockout.swfw", "public eth0;\ntrust ens11;\nnode worker allow tcp 80;\n"
        + worker("node-1", lab.clientKey()));

    long start = System.nanoTime();
    List<HostResult> results = push(lockout);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(Outcome.ROLLED_BACK, results.get(0).outcome(), results.get(0).message());
    assertTrue(results.get(0).message().contains("restored its previous rules by itself"), results.get(0).message());
    assertEquals(before, lab.host("node-1").iptables().save(), "the previous policy is back");
    assertTrue(took.compareTo(CONFIRM.plusSeconds(8)) < 0, "rolled back within the timeout: " + took);
    assertEquals("node-1 IN_POLICY", outcomes(push(cluster)), "and the host is reachable again");
  }

  @Test
  void theHostRollsBackWhenTheConnectionDiesBetweenApplyAndConfirm() {
    SshHost node = lab.host("node-1");
    String before = node.iptables().save();
    Path file = policy("cluster.swfw", Policies.clusterRules() + worker("node-1", lab.clientKey()));

    List<HostResult> results = push(file, ssh(), options(false), (h, step, detail) -> {
      if (step == Step.APPLIED) {
        node.stopSshd();
      }
    });

    assertTrue(results.get(0).failed());
    assertTrue(results.get(0).message().startsWith("no new connection after applying: cannot connect to " + lab.subnet() + ".12:22:"),
        results.get(0).message());
    assertEquals(before, node.iptables().save(), "the host restored its rules with nobody connected");
    assertTrue(Files.exists(node.file("/run/swfw/result." + nonceOf(node))));
  }

  private static String nonceOf(SshHost node) {
    try (var s = Files.list(node.file("/var/lib/swfw/stage/x").getParent())) {
      return s.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedByDefault() throws Exception {
    Path known = lab.dir().resolve("known_hosts.partial");
    Files.write(known, Files.readAllLines(lab.knownHosts()).stream().filter(l -> !l.startsWith(lab.subnet() + ".13,")).toList());
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory(false));

    List<HostResult> results = push(file, ssh().withKnownHosts(known, false), options(false), Progress.none());

    assertEquals("ingress-1 APPLIED\nnode-1 APPLIED\nnode-2 UNCHANGED: host key of " + lab.subnet() + ".13 ("
        + "ED25519 " + fingerprint(lab.host("node-2")) + ") is not in " + known
        + ": add it (ssh-keyscan, or ssh once) or use --accept-new-host-keys", outcomes(results));
  }

  @Test
  void acceptNewHostKeysRecordsFirstSeenKeysButAChangedKeyIsAlwaysRefused() throws Exception {
    Path known = lab.dir().resolve("known_hosts.new");
    Files.deleteIfExists(known);
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory(false));

    assertEquals("ingress-1 APPLIED\nnode-1 APPLIED\nnode-2 APPLIED",
        outcomes(push(file, ssh().withKnownHosts(known, true), options(false), Progress.none())));
    assertEquals(3, Files.readAllLines(known).size(), "each key recorded once");

    Files.writeString(known, lab.subnet() + ".12 " + lab.host("node-2").hostKey() + "\n");
    List<HostResult> results = push(file, ssh().withKnownHosts(known, true), options(false), Progress.none());
    assertTrue(results.get(1).message().startsWith("HOST KEY CHANGED for " + lab.subnet() + ".12"), results.get(1).message());
    assertEquals(Outcome.UNCHANGED, results.get(1).outcome());
  }

  private static String fingerprint(SshHost h) {
    String out = swfw.runtime.lab.SshLab.class.getName().isEmpty() ? "" : run("ssh-keygen", "-l", "-E", "sha256", "-f",
        h.file("/etc/swfw/x").getParent().getParent().resolve("host_key.pub").toString());
    return out.split(" ")[1];
  }

  private static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWrongKeyAnUnreachableHostAndAHostWithoutIptablesFailOneLineEachWhileTheOthersAreDeployed() {
    String inventory = Policies.host(lab.host("ingress-1"), "master", lab.clientKey(), false)
        + worker("node-1", lab.otherKey())
        + "host ghost role worker address " + lab.subnet() + ".99 key \"" + lab.clientKey() + "\";\n"
        + worker("bare", lab.clientKey())
        + worker("node-2", lab.clientKey());
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory);

    List<HostResult> results = push(file);

    assertEquals("ingress-1 APPLIED\n"
        + "node-1 UNCHANGED: cannot log in as root@" + lab.subnet() + ".12:22: the server refused the key " + lab.otherKey() + "\n"
        + "ghost UNCHANGED: cannot connect to " + lab.subnet() + ".99:22: " + results.get(2).message().replaceAll(".*: ", "") + "\n"
        + "bare UNCHANGED: iptables-save not found (install iptables)\n"
        + "node-2 APPLIED", outcomes(results));
    assertTrue(results.get(2).message().matches(".*: (connection timed out|no route to host)"), results.get(2).message());
  }

  @Test
  void aHostOnTheInternalNetworkIsReachedThroughAJumpHost() {
    SshHost node = lab.host("node-2");
    String inventory = Policies.host(lab.host("ingress-1"), "master", lab.clientKey(), false)
        + "host node-2 role worker address " + node.internalAddress() + " key \"" + lab.clientKey()
        + "\" jump ingress-1;\n";
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory);

    assertEquals("ingress-1 APPLIED\nnode-2 APPLIED", outcomes(push(file)));
    assertTrue(node.iptables().save().contains("-j SWFW-IN-eth0"));
  }

  @Test
  void aNonRootUserDeploysThroughSudo() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/etc/sudoers")),
        "sudo is not installed: the sudo -n path is not tested");
    Path file = policy("cluster.swfw", Policies.clusterRules() + Policies.host(lab.host("node-1"), "worker",
        lab.clientKey(), false).replace(" key ", " user deploy key "));

    assertEquals("node-1 APPLIED", outcomes(push(file)));
    assertEquals("node-1 IN_POLICY", outcomes(push(file)));
  }

  @Test
  void aDryRunTestsAndBacksUpButChangesNothing() {
    String before = lab.host("ingress-1").iptables().save();
    Path file = policy("cluster.swfw", Policies.clusterRules() + inventory(true));

    List<HostResult> results = push(file, ssh(), options(true), Progress.none());

    assertEquals("ingress-1 DRY_RUN\nnode-1 DRY_RUN\nnode-2 DRY_RUN", outcomes(results));
    assertEquals(before, lab.host("ingress-1").iptables().save());
    assertEquals(List.of(), lab.host("ingress-1").dockerCalls(), "nothing drained");
  }

  private static String openPorts(HostCheck c) {
    return c.expected().entrySet().stream().filter(e -> e.getValue() == swfw.runtime.verify.Expect.OPEN)
        .map(java.util.Map.Entry::getKey).sorted().toList().toString();
  }

}
