package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  @TempDir
  Path tmp;

  @Test
  void writesBootFilesForEveryNodeRole() throws IOException {
    ExampleFiles.Run run = ExampleFiles.swfw("compile", "swarm/cluster.swfw", "-o", tmp.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of("master.rules.v4", "master.rules.v6", "worker.rules.v4", "worker.rules.v6"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(tmp.resolve("worker.rules.v4")).contains(":DOCKER-USER - [0:0]\n"));
  }

  @Test
  void checkPassesOnFreshFilesAndPrintsAUnifiedDiffOnStaleOnes() throws IOException {
    ExampleFiles.swfw("compile", "swarm/cluster.swfw", "-o", tmp.toString());
    assertEquals(0, ExampleFiles.swfw("compile", "swarm/cluster.swfw", "-o", tmp.toString(), "--check").exitCode());
    Path v4 = tmp.resolve("worker.rules.v4");
    Files.writeString(v4, Files.readString(v4).replace("--dport 22 ", "--dport 2222 "));
    ExampleFiles.Run run = ExampleFiles.swfw("compile", "swarm/cluster.swfw", "-o", tmp.toString(), "--check");
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("--- " + v4 + "\n+++ " + v4 + " (compiled)\n@@ "), run.out());
    assertTrue(run.out().contains("\n-" + "-A SWFW-IN-eth0 -p tcp -m tcp --dport 2222 "), run.out());
    assertTrue(run.out().contains("\n+" + "-A SWFW-IN-eth0 -p tcp -m tcp --dport 22 "), run.out());
    assertTrue(run.err().contains("1 file(s) in " + tmp + " differ from the policy"), run.err());
    assertTrue(Files.readString(v4).contains("--dport 2222 "), "--check writes nothing");
  }

  @Test
  void oneNodeToStandardOutput() {
    ExampleFiles.Run run = ExampleFiles.swfw("compile", "swarm/cluster.swfw", "--node", "worker", "--stdout");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("# ==> worker.rules.v4 <==\n"), run.out());
    assertFalse(run.out().contains("master"));
  }

  @Test
  void unknownNodeIsAUsageError() {
    ExampleFiles.Run run = ExampleFiles.swfw("compile", "swarm/cluster.swfw", "--node", "wroker");
    assertEquals(2, run.exitCode());
    assertEquals("swfw: error: no node role 'wroker' in swarm/cluster.swfw (roles: master, worker)\n", run.err());
  }

  @Test
  void policyWithErrorsWritesNothing() throws IOException {
    Path bad = tmp.resolve("bad.swfw");
    Files.writeString(bad, "public eth0;\nallow tcp 70000;\n");
    Path out = tmp.resolve("out");
    ExampleFiles.Run run = ExampleFiles.swfw("compile", bad.toString(), "-o", out.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("bad.swfw:2:11: error[SW2001]: port 70000 is out of range 0-65535"), run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void failedExpectationBlocksTheOutput() throws IOException {
    Path policy = tmp.resolve("p.swfw");
    Files.writeString(policy, "public eth0;\nallow tcp 22;\nexpect drop tcp 22 on eth0;\n");
    Path out = tmp.resolve("out");
    ExampleFiles.Run run = ExampleFiles.swfw("compile", policy.toString(), "-o", out.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("p.swfw:3:1: error[SW4101]: expectation does not hold on node 'default': "
        + "traffic is not dropped"), run.err());
    assertTrue(run.err().contains("= note: decided by p.swfw:2: -A SWFW-IN-eth0 -p tcp -m tcp --dport 22"), run.err());
    assertFalse(Files.exists(out));
    assertEquals(0, ExampleFiles.swfw("compile", policy.toString(), "-o", out.toString(), "--no-expect").exitCode());
  }

  @Test
  void testCommandCountsExpectationsOfTheExamples() {
    ExampleFiles.Run run = ExampleFiles.swfw("test", "swarm/cluster.swfw");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("swarm/cluster.swfw: 4 passed, 0 failed (master: 2, worker: 2)\n", run.out());
  }

  @Test
  void explainNamesTheDecidingStatementAndRule() {
    ExampleFiles.Run run = ExampleFiles.swfw("explain", "swarm/cluster.swfw", "--node", "worker",
        "tcp", "203.0.113.5:40000", "->", "eth0:8080");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("""
        node worker: tcp 203.0.113.5:40000 -> eth0:8080 (IPv4, new, to the host)
          verdict:    DROP
          decided by: cluster.swfw:5: public eth0;  # guarded: inbound dropped unless allowed below
          rule:       -A SWFW-IN-eth0 -m comment --comment "cluster.swfw:5 default deny on eth0" -j DROP
          crossed:    INPUT #1 -> SWFW-IN-eth0 #1,#2,#3,#4,#5,#6 (7 rules)
        node worker: tcp 203.0.113.5:40000 -> eth0:8080 (IPv4, new, to a container)
          verdict:    DROP
          decided by: cluster.swfw:5: public eth0;  # guarded: inbound dropped unless allowed below
          rule:       -A SWFW-FWD-eth0 -m comment --comment "cluster.swfw:5 published ports closed on eth0" -j DROP
          crossed:    DOCKER-USER #1 -> SWFW-FWD-eth0 #1,#2 (3 rules)
        """, run.out());
  }

  @Test
  void publishToHoldsForTheNamedNodeAddressOnlyInExpectAndExplain() {
    ExampleFiles.Run test = ExampleFiles.swfw("test", "published/published.swfw");
    assertEquals(0, test.exitCode(), test.err());
    assertEquals("published/published.swfw: 3 passed, 0 failed (ingress: 2, worker: 1)\n", test.out());
    for (String local : new String[] {"203.0.113.1", "203.0.113.2"}) {
      ExampleFiles.Run run = ExampleFiles.swfw("explain", "published/published.swfw", "--node", "ingress",
          "--path", "container", "--local", local, "tcp", "198.51.100.7:40000", "->", "eth0:9443");
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains(local.endsWith(".1") ? "verdict:    PASS" : "verdict:    DROP"), run.out());
    }
  }

  @Test
  void explainRejectsABadPacketWithAUsageError() {
    ExampleFiles.Run run = ExampleFiles.swfw("explain", "swarm/cluster.swfw", "--node", "worker", "tcp", "1.2.3.999",
        "->", "eth0:22");
    assertEquals(2, run.exitCode());
    assertEquals("swfw: error: '1.2.3.999' is not an IP address\n", run.err());
  }
}
