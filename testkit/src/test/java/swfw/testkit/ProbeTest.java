package swfw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(LabExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeTest {

  private static final String SERVER_RULES = String.join("\n",
      "*filter",
      "-A INPUT -p tcp -m tcp --dport 82 -j DROP",
      "-A INPUT -p tcp -m tcp --dport 83 -j REJECT --reject-with tcp-reset",
      "-A INPUT -p tcp -m tcp --dport 84 -j REJECT --reject-with icmp-host-prohibited",
      "-A INPUT -p udp -m udp --dport 54 -j DROP",
      "-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 5/sec --limit-burst 5 -j ACCEPT",
      "-A INPUT -p icmp -m icmp --icmp-type 8 -j DROP",
      "COMMIT", "");
  private static final String SERVER_RULES_V6 = String.join("\n",
      "*filter",
      "-A INPUT -p tcp -m tcp --dport 82 -j DROP",
      "-A INPUT -p udp -m udp --dport 54 -j DROP",
      "COMMIT", "");

  private Netns client;
  private Netns server;

  @BeforeAll
  void twoHostsWithAFilteredServer(Lab lab) {
    client = lab.netns("c");
    server = lab.netns("s");
    lab.veth(client, "eth0", server, "eth0");
    client.addr("eth0", "10.10.10.1/24").addr("eth0", "2001:db8::1/64");
    server.addr("eth0", "10.10.10.2/24").addr("eth0", "2001:db8::2/64");
    server.listenTcp(80);
    server.listenTcp(82);
    server.listenUdp(53);
    server.listenUdp(54);
    server.iptables().restore(SERVER_RULES);
    server.ip6tables().restore(SERVER_RULES_V6);
    client.iptables().restore("*filter\n-A OUTPUT -p tcp -m tcp --dport 85 -j DROP\nCOMMIT\n");
  }

  @Test
  void tcpTellsOpenClosedAndFilteredApartAndNamesTheListener() {
    assertEquals("OPEN(s:80)", Probe.tcpConnect(client, "10.10.10.2", 80).toString());
    assertEquals("CLOSED", Probe.tcpConnect(client, "10.10.10.2", 81).toString());
    assertEquals("FILTERED", Probe.tcpConnect(client, "10.10.10.2", 82).toString());
    assertEquals("CLOSED", Probe.tcpConnect(client, "10.10.10.2", 83).toString());
    assertEquals(ProbeResult.closed("No route to host"), Probe.tcpConnect(client, "10.10.10.2", 84));
  }

  @Test
  void tcpOverIpv6() {
    assertEquals("OPEN(s:80)", Probe.tcpConnect(client, "2001:db8::2", 80).toString());
    assertEquals("CLOSED", Probe.tcpConnect(client, "2001:db8::2", 81).toString());
    assertEquals("FILTERED", Probe.tcpConnect(client, "2001:db8::2", 82).toString());
  }

  @Test
  void filteredCostsTheTimeoutAndNoMore() {
    long start = System.nanoTime();
    ProbeResult r = Probe.tcpConnect(client, "10.10.10.2", 82, Duration.ofMillis(300));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(Outcome.FILTERED, r.outcome());
    assertTrue(took.compareTo(Duration.ofMillis(290)) >= 0 && took.compareTo(Duration.ofMillis(1500)) < 0, took.toString());
  }

  @Test
  void sendersOwnOutputDropIsFiltered() {
    assertEquals(Outcome.FILTERED, Probe.tcpConnect(client, "10.10.10.2", 85).outcome());
  }

  @Test
  void udpTellsAnsweredRefusedAndSilentApart() {
    assertEquals("OPEN(s:53)", Probe.udp(client, "10.10.10.2", 53).toString());
    assertEquals("CLOSED", Probe.udp(client, "10.10.10.2", 55).toString());
    assertEquals("FILTERED", Probe.udp(client, "10.10.10.2", 54).toString());
    assertEquals("OPEN(s:53)", Probe.udp(client, "2001:db8::2", 53).toString());
    assertEquals("CLOSED", Probe.udp(client, "2001:db8::2", 55).toString());
    assertEquals("FILTERED", Probe.udp(client, "2001:db8::2", 54).toString());
  }

  @Test
  void closedUdpPortsAnswerEveryProbeBecauseIcmpRateLimitIsOff() {
    for (int i = 0; i < 10; i++) {
      assertEquals("CLOSED", Probe.udp(client, "10.10.10.2", 55).toString(), "probe " + i);
    }
  }

  @Test
  void pingCountsRepliesSoRateLimitsCanBeMeasured() {
    PingResult flood = Probe.ping(client, "10.10.10.2", 50, Duration.ofMillis(10));

    assertEquals(50, flood.transmitted());
    assertTrue(flood.received() >= 5 && flood.received() <= 25, "limit 5/s burst 5 let through " + flood);
    assertTrue(Probe.pingOnce(client, "2001:db8::2"));
  }

  @Test
  void matrixRunsCasesConcurrentlyInOrder() {
    ProbeMatrix m = new ProbeMatrix()
        .tcp(client, "10.10.10.2", 80)
        .tcp(client, "10.10.10.2", 82)
        .tcp(client, "2001:db8::2", 82)
        .udp(client, "10.10.10.2", 54)
        .udp(client, "2001:db8::2", 54)
        .add("ping s", () -> Probe.ping(client, "2001:db8::2", 2, Duration.ofMillis(10)));

    long start = System.nanoTime();
    String table = m.table();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(String.join("\n",
        "c -> tcp 10.10.10.2 80  : OPEN(s:80)",
        "c -> tcp 10.10.10.2 82  : FILTERED",
        "c -> tcp 2001:db8::2 82 : FILTERED",
        "c -> udp 10.10.10.2 54  : FILTERED",
        "c -> udp 2001:db8::2 54 : FILTERED",
        "ping s                  : 2/2",
        ""), table);
    // in sequence the four timeouts alone would take 2.6 s
    assertTrue(took.compareTo(Duration.ofMillis(2000)) < 0, "four timeouts in parallel took " + took);
  }
}
