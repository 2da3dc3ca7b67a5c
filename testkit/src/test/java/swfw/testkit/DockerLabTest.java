package swfw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swfw.testkit.DockerLab.HOST_INTERNAL_V4;
import static swfw.testkit.DockerLab.HOST_V4;
import static swfw.testkit.DockerLab.HOST_V6;
import static swfw.testkit.DockerLab.INTERNET_V4;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(LabExtension.class)
class DockerLabTest {

  private static final List<String> TABLES = List.of("raw", "mangle", "nat", "filter");

  @Test
  void publishedPortReachesTheContainerFromOutsideBeforeAnyFirewall(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);

    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.peer(), HOST_INTERNAL_V4, 8080).toString());
  }

  @Test
  void readmeExampleWorkerDropsPublishedPortFromOutside(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    docker.host().listenTcp(22);

    docker.iptables().restoreNoflush(worker("", ""));
    docker.ip6tables().restoreNoflush(worker(
        "-A SWFW-INPUT -i eth0 -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN\n",
        "-A SWFW-INPUT -i eth0 -p ipv6-icmp -m icmp6 --icmpv6-type 136 -j RETURN\n"));
    docker.internet().flushNeighbours();
    docker.host().flushNeighbours();

    assertEquals("""
        inet -> tcp 203.0.113.1 22   : OPEN(host:22)
        inet -> tcp 2001:db8:1::1 22 : OPEN(host:22)
        inet -> tcp 203.0.113.1 8080 : FILTERED
        peer -> tcp 10.10.10.1 8080  : OPEN(ctr:80)
        """, new ProbeMatrix()
            .tcp(docker.internet(), HOST_V4, 22)
            .tcp(docker.internet(), HOST_V6, 22)
            .tcp(docker.internet(), HOST_V4, 8080)
            .tcp(docker.peer(), HOST_INTERNAL_V4, 8080)
            .table());
  }

  @Test
  void withoutNdpIpv6DiesOnceTheNeighbourCacheIsFlushed(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    docker.host().listenTcp(22);
    assertEquals("OPEN(host:22)", Probe.tcpConnect(docker.internet(), HOST_V6, 22).toString());

    docker.ip6tables().restoreNoflush(worker());
    String cached = Probe.tcpConnect(docker.internet(), HOST_V6, 22).toString();
    docker.internet().flushNeighbours();
    docker.host().flushNeighbours();

    assertEquals("OPEN(host:22)", cached);
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V6, 22).toString());
  }

  /** A hand-written payload in the shape NETFILTER.md §1.6 recommends (stands in for the compiler's). */
  private static String worker(String... extraInput) {
    return "*filter\n"
        + ":SWFW-INPUT - [0:0]\n"
        + ":SWFW-DOCKER-USER - [0:0]\n"
        + "-A SWFW-INPUT -i lo -j RETURN\n"
        + "-A SWFW-INPUT -i ens11 -j RETURN\n"
        + String.join("", extraInput)
        + "-A SWFW-INPUT -i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n"
        + "-A SWFW-INPUT -i eth0 -p tcp -m tcp --dport 22 -j RETURN\n"
        + "-A SWFW-INPUT -i eth0 -j DROP\n"
        + "-A SWFW-DOCKER-USER -i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n"
        + "-A SWFW-DOCKER-USER -i eth0 -j DROP\n"
        + "-I INPUT 1 -j SWFW-INPUT\n"
        + "-I DOCKER-USER 1 -j SWFW-DOCKER-USER\n"
        + "COMMIT\n";
  }

  @Test
  void swarmIngressKeepsThePortAndContainersReachOutThroughMasquerade(Lab lab) {
    DockerLab docker = DockerLab.builder().publish(8080, 80).container("web", 9090, 8000).swarmIngress(443).build(lab);
    docker.internet().listenTcp(80);
    docker.host().listenTcp(22);

    String table = new ProbeMatrix()
        .tcp(docker.internet(), HOST_V4, 443)
        .tcp(docker.internet(), HOST_V4, 9090)
        .tcp(docker.internet(), HOST_V4, 22)
        .tcp(docker.internet(), HOST_V6, 22)
        .tcp(docker.internet(), DockerLab.CONTAINER_V4, 80)
        .tcp(docker.container(), INTERNET_V4, 80)
        .tcp(docker.ingressSandbox(), INTERNET_V4, 80)
        .table();

    assertEquals(String.join("\n",
        "inet -> tcp 203.0.113.1 443  : OPEN(isb:443)",
        "inet -> tcp 203.0.113.1 9090 : OPEN(web:8000)",
        "inet -> tcp 203.0.113.1 22   : OPEN(host:22)",
        "inet -> tcp 2001:db8:1::1 22 : OPEN(host:22)",
        "inet -> tcp 172.17.0.2 80    : FILTERED",
        "ctr -> tcp 203.0.113.10 80   : OPEN(inet:80)",
        "isb -> tcp 203.0.113.10 80   : OPEN(inet:80)",
        ""), table);
  }

  @Test
  void startingDockerOnAFreshHostGivesTheFullRuleset(Lab lab) {
    DockerLab docker = DockerLab.builder().swarmIngress(443).encryptedOverlay(true)
        .dockerRunning(false).build(lab);
    assertEquals("", docker.iptables().save());

    docker.startDocker();
    List<String> started = saveByTable(docker.iptables());
    String started6 = docker.ip6tables().save();
    docker.iptables().restore(docker.dockerRulesV4());
    docker.ip6tables().restore(docker.dockerRulesV6());

    assertEquals(saveByTable(docker.iptables()), started);
    assertEquals(docker.ip6tables().save(), started6);
    assertEquals("OPEN(ctr:80)", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }

  @Test
  void restartingDockerIsIdempotentAndKeepsDockerUserRules(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);
    docker.iptables().run("-I", "DOCKER-USER", "-i", "eth0", "-p", "tcp", "-m", "conntrack",
        "--ctorigdstport", "8080", "--ctdir", "ORIGINAL", "-j", "DROP");
    docker.iptables().run("-A", "FORWARD", "-j", "DOCKER-USER");
    String before = docker.iptables().save("filter");

    docker.startDocker();
    String once = docker.iptables().save();
    docker.startDocker();

    assertEquals(once, docker.iptables().save());
    String filter = docker.iptables().save("filter");
    assertTrue(filter.contains("-A DOCKER-USER -i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP"), filter);
    assertEquals(1, count(filter, "-A FORWARD -j DOCKER-USER"), filter);
    assertTrue(filter.startsWith(before.substring(0, before.indexOf("-A "))), "same chains:\n" + filter);
    assertEquals("FILTERED", Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString());
  }

  @Test
  void docker28Point2ReturnMakesAppendedDockerUserRulesDead(Lab lab) {
    DockerLab docker = DockerLab.builder().dockerUserReturn(true).build(lab);
    Iptables ipt = docker.iptables();

    ipt.run("-A", "DOCKER-USER", "-i", "eth0", "-j", "DROP");
    String appended = Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString();
    ipt.run("-I", "DOCKER-USER", "1", "-i", "eth0", "-j", "DROP");
    String inserted = Probe.tcpConnect(docker.internet(), HOST_V4, 8080).toString();

    assertEquals("OPEN(ctr:80)", appended);
    assertEquals("FILTERED", inserted);
    assertTrue(docker.ip6tables().save("filter").contains("-A DOCKER-USER -j RETURN\n"));
  }

  @Test
  void ip6tablesHasTheDockerUserChainDocker27Creates(Lab lab) {
    DockerLab docker = DockerLab.builder().build(lab);

    String filter6 = docker.ip6tables().save("filter");

    assertTrue(filter6.contains(":DOCKER-USER - [0:0]\n"), filter6);
    assertTrue(filter6.contains("-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD\n"), filter6);
    assertFalse(filter6.contains("-A DOCKER-USER -j RETURN"), filter6);
  }

  @Test
  void closingTheLabRemovesEveryNamespace() {
    String id;
    try (Lab lab = Lab.create()) {
      id = lab.id();
      DockerLab.builder().swarmIngress(443).build(lab); // host, inet, peer, ctr, isb
      assertEquals(5, Lab.existingNamespaces().stream().filter(n -> n.contains(id)).count());
    }
    String list = Exec.run(List.of("ip", "netns", "list"), null, Duration.ofSeconds(5), Lab.tmp()).stdout();
    assertFalse(list.contains(id), list);
  }

  private static List<String> saveByTable(Iptables ipt) {
    return TABLES.stream().map(ipt::save).toList();
  }

  private static int count(String text, String line) {
    return (int) text.lines().filter(line::equals).count();
  }
}
