package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swfw.testkit.DockerLab.HOST_V4;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import swfw.compiler.CompiledNode;
import swfw.testkit.DockerLab;
import swfw.testkit.Lab;
import swfw.testkit.LabExtension;
import swfw.testkit.Probe;

/**
 * {@code publish … to/from} with real connections through Docker's DNAT (container {@code ctr},
 * {@code -p 8080:80}): in DOCKER-USER the destination is already the container's, so {@code to}
 * must match the node address the client chose, and {@code from} the client, which is not translated.
 */
@Tag("kernel")
@ExtendWith(LabExtension.class)
class PublishPacketTest {
  /** A second address of the node on its public interface: Docker publishes on every local address. */
  private static final String SECOND_V4 = "203.0.113.2";

  private static DockerLab node(Lab lab, String policy) {
    DockerLab docker = DockerLab.builder().build(lab);
    docker.host().addr(DockerLab.PUBLIC_IF, SECOND_V4 + "/24");
    apply(docker, policy);
    return docker;
  }

  private static void apply(DockerLab docker, String policy) {
    CompiledNode node = Compiled.policy(policy).nodes().get(0);
    Compiled.live(docker.host(), node);
    docker.host().flushConntrack();
  }

  @Test
  void publishToOneNodeAddressOpensThePortThereAndNotOnTheNodesOtherAddress(Lab lab) {
    DockerLab docker = node(lab, "public eth0;\npublish tcp 8080 to " + HOST_V4 + ";\n");
    String save = docker.iptables().save();
    assertTrue(save.contains("-p tcp -m conntrack --ctorigdst " + HOST_V4 + " --ctorigdstport 8080 --ctdir ORIGINAL"),
        save);
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), SECOND_V4, 8080).toString());

    apply(docker, "public eth0;\npublish tcp 8080 to " + SECOND_V4 + ";\n");
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), SECOND_V4, 8080).toString());
  }

  @Test
  void publishWithoutToServesEveryAddressOfTheNode(Lab lab) {
    DockerLab docker = node(lab, "public eth0;\npublish tcp 8080;\n");
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), SECOND_V4, 8080).toString());
  }

  @Test
  void publishFromMatchesTheUntranslatedClientAddress(Lab lab) {
    DockerLab docker = node(lab, "public eth0;\npublish tcp 8080 from 198.51.100.0/24;\n");
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());

    apply(docker, "public eth0;\npublish tcp 8080 from " + DockerLab.INTERNET_V4 + " to " + SECOND_V4 + ";\n");
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), SECOND_V4, 8080).toString());
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }
}
