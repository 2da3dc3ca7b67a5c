package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swfw.testkit.DockerLab.HOST_INTERNAL_V4;
import static swfw.testkit.DockerLab.HOST_V4;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.iptables.LiveMerge;
import swfw.compiler.iptables.SwfwPart;
import swfw.testkit.DockerLab;
import swfw.testkit.Lab;
import swfw.testkit.LabExtension;
import swfw.testkit.Probe;

/**
 * swfw beside Docker (whose chains the kit recreates as Docker 28 installs them; the engine cannot run
 * here): the boot file survives Docker starting after it, the live form leaves Docker's rules alone,
 * and applying it twice changes nothing.
 */
@Tag("kernel")
@ExtendWith(LabExtension.class)
class DockerCoexistenceTest {
  private static final CompiledPolicy CLUSTER = Compiled.policy(Path.of("swarm/cluster.swfw"));
  private static final CompiledNode WORKER = CLUSTER.node("worker").orElseThrow();

  /** The save without swfw's chains and hooks: what belongs to Docker and the kernel. */
  private static String withoutSwfw(String save) {
    return Arrays.stream(save.split("\n"))
        .filter(l -> !l.contains("SWFW-") && !l.contains("swfw-hook"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void bootFileLoadedBeforeDockerKeepsThePolicyOnceDockerStarts(Lab lab) {
    DockerLab docker = DockerLab.builder().dockerRunning(false).build(lab);
    docker.host().listenTcp(22);
    Compiled.boot(docker.host(), WORKER, CLUSTER.policyName());
    docker.startDocker();

    String v4 = docker.iptables().save();
    assertEquals(SwfwPart.of(WORKER.v4()).canonicalText(), SwfwPart.fromSave(v4).canonicalText());
    assertTrue(v4.contains("-A FORWARD -j DOCKER-USER\n"), v4);
    assertEquals("OPEN(host:22)", Probe.tcpConnect(docker.internet(), HOST_V4, 22).toString());
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.peer(), HOST_INTERNAL_V4, 8080).toString());
  }

  @Test
  void liveApplyTwiceIsByteIdenticalAndLeavesDockersRulesIntact(Lab lab) {
    DockerLab docker = DockerLab.builder().swarmIngress(443).build(lab);
    String dockerOnly = docker.iptables().save();
    String dockerOnlyNat = docker.iptables().save("nat");
    String dockerOnlyV6 = docker.ip6tables().save();

    Compiled.live(docker.host(), WORKER);
    String first = docker.iptables().save();
    String firstV6 = docker.ip6tables().save();
    Compiled.live(docker.host(), WORKER);

    assertEquals(first, docker.iptables().save());
    assertEquals(firstV6, docker.ip6tables().save());
    assertEquals(withoutSwfw(dockerOnly), withoutSwfw(first));
    assertEquals(withoutSwfw(dockerOnlyV6), withoutSwfw(firstV6));
    assertEquals(dockerOnlyNat, docker.iptables().save("nat"));
    assertEquals(1, first.split("-j SWFW-IN-eth0\n", -1).length - 1, "exactly one hook");
    assertTrue(first.contains(":FORWARD DROP"), "Docker's FORWARD policy is untouched");
  }

  @Test
  void publishedPortStaysClosedOnDockerVersionsThatAppendReturnToDockerUser(Lab lab) {
    DockerLab docker = DockerLab.builder().dockerUserReturn(true).build(lab);
    Compiled.live(docker.host(), WORKER);
    assertTrue(docker.iptables().save().contains("-A DOCKER-USER -j RETURN"));
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }

  @Test
  void dockerRestartAfterTheLiveApplyKeepsSwfwInFront(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    Compiled.live(docker.host(), WORKER);
    docker.startDocker();
    assertEquals(SwfwPart.of(WORKER.v4()).canonicalText(), SwfwPart.fromSave(docker.iptables().save()).canonicalText());
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }

  @Test
  void removingThePolicyRestoresDockersOwnRulesExactly(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    String before = docker.iptables().save();
    Compiled.live(docker.host(), WORKER);
    docker.iptables().restoreNoflush(LiveMerge.payload(SwfwPart.fromSave(""), SwfwPart.fromSave(docker.iptables().save())));
    assertEquals(before, docker.iptables().save());
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }

  @Test
  void changingThePolicyReplacesChainsInOneTransaction(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    docker.host().listenTcp(22);
    docker.host().listenTcp(80);
    Compiled.live(docker.host(), CLUSTER.node("master").orElseThrow());
    assertEquals("OPEN(host:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 80).toString());
    Compiled.live(docker.host(), WORKER);
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 80).toString());
    assertEquals("OPEN(host:22)", Probe.tcpConnect(docker.internet(), HOST_V4, 22).toString());
    assertEquals(SwfwPart.of(WORKER.v4()).canonicalText(), SwfwPart.fromSave(docker.iptables().save()).canonicalText());
  }
}
