package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swfw.testkit.DockerLab.HOST_INTERNAL_V4;
import static swfw.testkit.DockerLab.HOST_V4;
import static swfw.testkit.DockerLab.HOST_V6;
import static swfw.testkit.DockerLab.INTERNET_V4;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import swfw.compiler.CompiledPolicy;
import swfw.testkit.DockerLab;
import swfw.testkit.Lab;
import swfw.testkit.LabExtension;
import swfw.testkit.PingResult;
import swfw.testkit.Probe;
import swfw.testkit.ProbeMatrix;

/**
 * The seed's cluster (examples/swarm/cluster.swfw) with real packets: a node host with eth0 and
 * ens11, an outside host, an internal peer, a container behind Docker 28's chains publishing
 * 8080→80 and a swarm ingress sandbox publishing 443. The Docker engine cannot run here: the kit
 * recreates the chains and NAT it installs.
 */
@Tag("kernel")
@ExtendWith(LabExtension.class)
class ClusterPacketTest {
  private static final CompiledPolicy CLUSTER = Compiled.policy(Path.of("swarm/cluster.swfw"));

  private static DockerLab node(Lab lab, String role) {
    DockerLab docker = DockerLab.builder().swarmIngress(443).build(lab);
    for (int port : new int[] {22, 80, 2377, 7946, 9000}) {
      docker.host().listenTcp(port);
    }
    docker.internet().listenTcp(80);
    Compiled.live(docker.host(), CLUSTER.node(role).orElseThrow());
    docker.internet().flushNeighbours();
    docker.host().flushNeighbours();
    return docker;
  }

  @Test
  void master(Lab lab) {
    DockerLab m = node(lab, "master");
    assertEquals("""
        inet -> tcp 203.0.113.1 22      : OPEN(host:22)
        inet -> tcp 203.0.113.1 80      : OPEN(host:80)
        inet -> tcp 203.0.113.1 443     : OPEN(isb:443)
        inet -> tcp 203.0.113.1 8080    : FILTERED
        inet -> tcp 203.0.113.1 9000    : FILTERED
        inet -> tcp 203.0.113.1 2377    : FILTERED
        inet -> tcp 203.0.113.1 7946    : FILTERED
        inet -> tcp 2001:db8:1::1 22    : OPEN(host:22)
        inet -> tcp 2001:db8:1::1 80    : OPEN(host:80)
        inet -> tcp 2001:db8:1::1 9000  : FILTERED
        peer -> tcp 10.10.10.1 9000     : OPEN(host:9000)
        peer -> tcp 10.10.10.1 2377     : OPEN(host:2377)
        peer -> tcp 10.10.10.1 8080     : OPEN(ctr:80)
        host -> tcp 203.0.113.10 80     : OPEN(inet:80)
        ctr -> tcp 203.0.113.10 80      : OPEN(inet:80)
        """.replaceAll(" +:", " :"), squeeze(table(m)));
  }

  @Test
  void worker(Lab lab) {
    DockerLab w = node(lab, "worker");
    assertEquals("""
        inet -> tcp 203.0.113.1 22      : OPEN(host:22)
        inet -> tcp 203.0.113.1 80      : FILTERED
        inet -> tcp 203.0.113.1 443     : FILTERED
        inet -> tcp 203.0.113.1 8080    : FILTERED
        inet -> tcp 203.0.113.1 9000    : FILTERED
        inet -> tcp 203.0.113.1 2377    : FILTERED
        inet -> tcp 203.0.113.1 7946    : FILTERED
        inet -> tcp 2001:db8:1::1 22    : OPEN(host:22)
        inet -> tcp 2001:db8:1::1 80    : FILTERED
        inet -> tcp 2001:db8:1::1 9000  : FILTERED
        peer -> tcp 10.10.10.1 9000     : OPEN(host:9000)
        peer -> tcp 10.10.10.1 2377     : OPEN(host:2377)
        peer -> tcp 10.10.10.1 8080     : OPEN(ctr:80)
        host -> tcp 203.0.113.10 80     : OPEN(inet:80)
        ctr -> tcp 203.0.113.10 80      : OPEN(inet:80)
        """.replaceAll(" +:", " :"), squeeze(table(w)));
  }

  @Test
  void workerStillRoutesIngressFromTheInternalNetwork(Lab lab) {
    DockerLab w = node(lab, "worker");
    assertEquals("OPEN(isb:443)", Probe.tcpConnect(w.peer(), HOST_INTERNAL_V4, 443).toString());
  }

  @Test
  void pingFloodIsLimitedEvenThoughItIsEstablishedAfterItsFirstPacket(Lab lab) {
    DockerLab w = node(lab, "worker");
    PingResult flood = Probe.ping(w.internet(), HOST_V4, 60, Duration.ofMillis(10));
    // 5 of burst plus 8 a second over ~0.6 s: far fewer than the 60 an unlimited host answers.
    assertTrue(flood.received() >= 5 && flood.received() <= 20, flood.toString());
    assertTrue(Probe.pingOnce(w.peer(), HOST_INTERNAL_V4), "the trusted network is not limited");
  }

  /** The table without its column padding, so the expected text reads naturally. */
  private static String squeeze(String table) {
    return table.replaceAll(" +:", " :");
  }

  private static String table(DockerLab d) {
    return new ProbeMatrix()
        .tcp(d.internet(), HOST_V4, 22)
        .tcp(d.internet(), HOST_V4, 80)
        .tcp(d.internet(), HOST_V4, 443)
        .tcp(d.internet(), HOST_V4, 8080)
        .tcp(d.internet(), HOST_V4, 9000)
        .tcp(d.internet(), HOST_V4, 2377)
        .tcp(d.internet(), HOST_V4, 7946)
        .tcp(d.internet(), HOST_V6, 22)
        .tcp(d.internet(), HOST_V6, 80)
        .tcp(d.internet(), HOST_V6, 9000)
        .tcp(d.peer(), HOST_INTERNAL_V4, 9000)
        .tcp(d.peer(), HOST_INTERNAL_V4, 2377)
        .tcp(d.peer(), HOST_INTERNAL_V4, 8080)
        .tcp(d.host(), INTERNET_V4, 80)
        .tcp(d.container(), INTERNET_V4, 80)
        .table();
  }
}
