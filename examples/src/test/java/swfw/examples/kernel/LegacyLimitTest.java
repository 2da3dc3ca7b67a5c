package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.iptables.Forms;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.testkit.ExecResult;
import swfw.testkit.Iptables;
import swfw.testkit.Lab;
import swfw.testkit.LabExtension;
import swfw.testkit.Netns;
import swfw.testkit.Probe;

/**
 * Slow rate limits on both iptables backends, with real echo requests: every limit swfw accepts loads
 * on iptables-legacy and iptables-nft and lets exactly its burst through, and the ones it refuses
 * (SW3002, bucket over one day) are refused by the legacy kernel or silently get a smaller burst there.
 */
@Tag("kernel")
@ExtendWith(LabExtension.class)
class LegacyLimitTest {
  private static final String NODE_V4 = "10.99.0.1";

  /** A node with eth0 and a client behind it; the node's filter table is loaded with one backend only. */
  private record Node(Netns node, Netns client, Iptables iptables) {
    static Node of(Lab lab, Iptables.Backend backend) {
      String name = backend.name().toLowerCase(java.util.Locale.ROOT);
      Netns node = lab.netns("node-" + name);
      Netns client = lab.netns("client-" + name);
      lab.veth(node, "eth0", client, "eth0");
      node.addr("eth0", NODE_V4 + "/24").up("eth0");
      client.addr("eth0", "10.99.0.2/24").up("eth0");
      return new Node(node, client, Iptables.v4(node).with(backend));
    }

    /** Echo replies to {@code count} requests sent 10 ms apart: far too fast for a slow limit to refill. */
    int answered(int count) {
      return Probe.ping(client, NODE_V4, count, Duration.ofMillis(10)).received();
    }
  }

  private static String boot(String limit) {
    CompiledNode node = Compiled.policy("public eth0;\nallow icmp echo-request limit " + limit + ";\n").nodes().get(0);
    return Forms.render(node.v4(), Forms.Form.BOOT, "limit.swfw");
  }

  private static String compileErrors(String limit) {
    Frontend front = Frontend.run(Path.of("limit.swfw"), "public eth0;\nallow icmp echo-request limit " + limit + ";\n");
    Diagnostics diags = new Diagnostics();
    Optional<CompiledPolicy> compiled = Compiler.compile(front.policy().orElseThrow(), diags);
    assertTrue(compiled.isEmpty(), "compiled limit " + limit);
    return front.renderer().renderAll(diags.sorted());
  }

  /** A filter table with one limited echo rule, written by hand: swfw refuses to write it. */
  private static String handWritten(String limit) {
    return "*filter\n-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit " + limit + " -j ACCEPT\n"
        + "-A INPUT -p icmp -m icmp --icmp-type 8 -j DROP\nCOMMIT\n";
  }

  @Test
  void slowestLimitsSwfwAcceptsLoadOnBothBackendsAndLetTheirWholeBurstThrough(Lab lab) {
    String[][] cases = {{"1/day burst 1", "1"}, {"5/day burst 5", "5"}, {"7/day burst 7", "7"},
        {"1/hour burst 24", "24"}};
    for (Iptables.Backend backend : new Iptables.Backend[] {Iptables.Backend.LEGACY, Iptables.Backend.NFT}) {
      Node n = Node.of(lab, backend);
      for (String[] c : cases) {
        n.iptables().restore(boot(c[0]));
        int burst = Integer.parseInt(c[1]);
        assertEquals(burst, n.answered(burst + 4), backend + " limit " + c[0]);
      }
    }
  }

  @Test
  void oneADayWithTheDefaultBurstIsRefusedByTheLegacyKernelAndBySwfw(Lab lab) {
    ExecResult legacy = Node.of(lab, Iptables.Backend.LEGACY).iptables().tryRestore(handWritten("1/day"), false);
    // Line 4 is COMMIT: the text parsed, the kernel refused the rule (ERANGE).
    assertTrue(legacy.exitCode() != 0 && legacy.stderr().contains("line 4 failed"), legacy.describe());
    Node nft = Node.of(lab, Iptables.Backend.NFT);
    nft.iptables().restore(handWritten("1/day"));
    assertEquals(5, nft.answered(8), "iptables-nft takes it, with its whole burst");
    assertTrue(compileErrors("1/day").contains("error[SW3002]"), compileErrors("1/day"));
  }

  @Test
  void pastOneDayTheLegacyKernelMayKeepASmallerBurstWithoutAWord(Lab lab) {
    Node legacy = Node.of(lab, Iptables.Backend.LEGACY);
    legacy.iptables().restore(handWritten("2/day"));
    // 2/day burst 5 is loaded, but its bucket wrapped around: 1 packet here (HZ 250 or 1000), 2 with HZ 300.
    int answered = legacy.answered(8);
    assertTrue(answered < 5, answered + " of 8 answered");
    Node nft = Node.of(lab, Iptables.Backend.NFT);
    nft.iptables().restore(handWritten("2/day"));
    assertEquals(5, nft.answered(8));
    assertTrue(compileErrors("2/day").contains("error[SW3002]"), compileErrors("2/day"));
  }
}
