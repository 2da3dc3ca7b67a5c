package swfw.runtime.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swfw.compiler.CompiledPolicy;
import swfw.runtime.Target;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.lab.Policies;

class ExpectedPortsTest {
  @TempDir
  Path dir;

  private CompiledPolicy compile(String text) {
    return Policies.compile(Policies.check(Policies.write(dir, "p.swfw", text)));
  }

  private ExpectedPorts ports(CompiledPolicy p, String role, String address) {
    return ExpectedPorts.of(p.ir().node(role).orElseThrow(), address).orElseThrow();
  }

  @Test
  void theClusterOpensSshAndWebOnTheMasterAndClosesWhatOthersPublish() {
    CompiledPolicy p = compile(Policies.clusterRules());
    Set<Integer> published = ExpectedPorts.publishedTcp(p.ir().nodes());
    assertEquals(Set.of(80, 443), published);

    var master = ports(p, "master", "192.0.2.1").probes(published);
    var worker = ports(p, "worker", "192.0.2.2").probes(published);
    assertEquals(Expect.OPEN, master.get(443));
    assertEquals(Expect.CLOSED, master.get(2377));
    assertEquals(Expect.OPEN, worker.get(22));
    assertEquals(Expect.CLOSED, worker.get(80), "the routing mesh would serve it: closed on workers");
    assertEquals(Expect.CLOSED, worker.get(7946));
    assertTrue(worker.keySet().containsAll(ExpectedPorts.SAMPLE));
  }

  @Test
  void firstMatchWinsAndSourceRestrictedPortsAreNotJudged() {
    CompiledPolicy p = compile("public eth0;\nlet admins = { 198.51.100.0/24 };\nnode n {\n  reject tcp 25;\n"
        + "  deny tcp 8000;\n  allow tcp 8000-8100;\n  allow tcp 9443 from admins;\n}\n");
    ExpectedPorts e = ports(p, "n", "192.0.2.1");
    assertEquals(Optional.of(Expect.REJECTED), e.tcp(25));
    assertEquals(Optional.of(Expect.CLOSED), e.tcp(8000));
    assertEquals(Optional.of(Expect.OPEN), e.tcp(8050));
    assertEquals(Optional.empty(), e.tcp(9443));
    assertEquals(Optional.of(Expect.CLOSED), e.tcp(9444));
    assertFalse(e.probes(Set.of()).containsKey(9443));
    assertTrue(e.probes(Set.of()).keySet().containsAll(Set.of(8000, 8050, 8100)), "a wide range is sampled");
  }

  @Test
  void expectationsJudgeWhatTheScanSaw() {
    assertTrue(Expect.OPEN.allows(PortState.REFUSED), "a reset means the firewall let it through");
    assertFalse(Expect.OPEN.allows(PortState.FILTERED));
    assertTrue(Expect.CLOSED.allows(PortState.FILTERED));
    assertFalse(Expect.CLOSED.allows(PortState.REFUSED));
    assertTrue(Expect.REJECTED.allows(PortState.REFUSED));
  }
}
