package swfw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(LabExtension.class)
class LabTest {

  @Test
  void namespacePairPingsOverIpv4AndIpv6(Lab lab) {
    Netns a = lab.netns("a");
    Netns b = lab.netns("b");
    lab.veth(a, "eth0", b, "ens11");
    a.addr("eth0", "10.10.10.1/24").addr("eth0", "2001:db8::1/64");
    b.addr("ens11", "10.10.10.2/24").addr("ens11", "2001:db8::2/64");

    assertEquals("3/3", Probe.ping(a, "10.10.10.2", 3, Duration.ofMillis(10)).toString());
    assertEquals("3/3", Probe.ping(b, "2001:db8::1", 3, Duration.ofMillis(10)).toString());
  }

  @Test
  void namesNamespacesWithPrefixLabIdAndRole(Lab lab) {
    Netns host = lab.netns("host");

    assertEquals("swfw-" + lab.id() + "-host", host.name());
    assertTrue(lab.id().matches("[a-z0-9]{6}"), lab.id());
    assertTrue(Lab.existingNamespaces().contains(host.name()));
    assertTrue(host.run("ip", "-o", "link", "show", "lo").contains("UP"), "lo is up");
  }

  @Test
  void interfacesKeepTheirNamesInsideEachNamespace(Lab lab) {
    Netns node = lab.netns("node");
    Netns inet = lab.netns("inet");
    Netns peer = lab.netns("peer");
    lab.veth(node, "eth0", inet, "eth0").veth(node, "ens11", peer, "eth0");

    String links = node.run("ip", "-o", "link", "show");
    assertTrue(links.contains(": eth0@") && links.contains(": ens11@"), links);
  }

  @Test
  void execKillsACommandAtItsTimeout(Lab lab) {
    Netns a = lab.netns("a");

    ExecResult r = a.exec(Duration.ofMillis(200), "sleep", "5");

    assertTrue(r.timedOut());
    assertFalse(r.ok());
    assertTrue(r.elapsed().compareTo(Duration.ofSeconds(2)) < 0, r.elapsed().toString());
  }

  @Test
  void execCapturesOutputAndStatusFromInsideTheNamespace(Lab lab) {
    Netns a = lab.netns("a");
    a.bridge("br7");

    ExecResult r = a.exec("sh", "-c", "ip -o link show br7; echo oops >&2; exit 3");

    assertEquals(3, r.exitCode());
    assertTrue(r.stdout().contains("br7"), r.stdout());
    assertEquals("oops\n", r.stderr());
    assertThrows(IllegalStateException.class, r::orThrow);
  }

  @Test
  void flushesNeighboursAndConntrack(Lab lab) {
    Netns a = lab.netns("a");
    Netns b = lab.netns("b");
    lab.veth(a, "eth0", b, "eth0");
    a.addr("eth0", "2001:db8::1/64");
    b.addr("eth0", "2001:db8::2/64").listenTcp(22);
    assertTrue(Probe.tcpConnect(a, "2001:db8::2", 22).isOpen());
    assertTrue(a.run("ip", "-6", "neigh", "show", "dev", "eth0").contains("2001:db8::2"));

    a.flushNeighbours().flushConntrack();

    assertFalse(a.run("ip", "-6", "neigh", "show", "dev", "eth0").contains("lladdr"));
    assertEquals("", a.run("conntrack", "-L").strip());
  }

  @Test
  void sysctlIsPerNamespace(Lab lab) {
    Netns a = lab.netns("a").ipForward();
    Netns b = lab.netns("b");

    assertEquals("1", a.run("cat", "/proc/sys/net/ipv4/ip_forward").strip());
    assertEquals("0", b.run("cat", "/proc/sys/net/ipv4/ip_forward").strip());
  }

  @Test
  void closeRemovesNamespacesAndKillsProcesses() {
    Lab lab = Lab.create();
    Netns a = lab.netns("a");
    Netns b = lab.netns("b");
    Background listener = a.listenTcp(80);
    Background stray = b.spawn("sh", "-c", "sleep 300 & sleep 300");
    List<String> names = List.of(a.name(), b.name());

    lab.close();

    String list = Exec.run(List.of("ip", "netns", "list"), null, Duration.ofSeconds(5), Lab.tmp()).orThrow().stdout();
    for (String n : names) {
      assertFalse(list.contains(n), n + " left in:\n" + list);
    }
    assertFalse(listener.isAlive());
    assertFalse(stray.isAlive());
    lab.close(); // idempotent
  }

  @Test
  void cleansUpWhenTheTestBodyThrows() {
    String[] id = new String[1];
    assertThrows(IllegalStateException.class, () -> {
      try (Lab lab = Lab.create()) {
        id[0] = lab.id();
        lab.netns("x").listenUdp(53);
        throw new IllegalStateException("test failed");
      }
    });
    assertTrue(Lab.existingNamespaces().stream().noneMatch(n -> n.contains(id[0])), Lab.existingNamespaces().toString());
  }

  @Test
  void rejectsBadRolesAndInterfaceNames(Lab lab) {
    Netns a = lab.netns("a");

    assertThrows(IllegalArgumentException.class, () -> lab.netns("a"));
    assertThrows(IllegalArgumentException.class, () -> lab.netns("Bad Role"));
    assertThrows(IllegalArgumentException.class, () -> lab.veth(a, "much-too-long-name", a, "x"));
  }
}
