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
    lab = SshLab.start("203.0.113", List.of(SshLab.Spec.of("ingress-1", 11), SshLab.Spec.of("node-1", 12),
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

  private static String openPorts(HostCheck c) {
    return c.expected().entrySet().stream().filter(e -> e.getValue() == swfw.runtime.verify.Expect.OPEN)
        .map(java.util.Map.Entry::getKey).sorted().toList().toString();
  }

}
