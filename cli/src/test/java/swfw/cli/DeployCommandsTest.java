package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, push and verify up to the point where they would need a real host. */
class DeployCommandsTest {
  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run swfw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String policy(String text) throws IOException {
    Path file = dir.resolve("p.swfw");
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void pushRefusesAPolicyThatClosesTheSshPortUnlessAllowed() throws IOException {
    String file = policy("public eth0;\nnode web allow tcp 80;\nhost w1 role web address 127.0.0.1 port 1;\n");
    Run run = swfw("push", file);
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith(file + ":3:1: error[SW4001]: host 'w1' would be locked out: node 'web' lets no SSH"
        + " connection in on tcp port 1\n"), run.err());
    assertTrue(run.err().endsWith("swfw: error: push would lock you out of 1 host(s) (each would then roll back by"
        + " itself); give --allow-lockout to push anyway\n"), run.err());

    Run allowed = swfw("push", file, "--allow-lockout", "--known-hosts", dir.resolve("kh").toString());
    assertEquals(3, allowed.exitCode(), allowed.err());
    assertTrue(allowed.err().endsWith("swfw: w1: cannot connect to 127.0.0.1:1: connection refused\n"), allowed.err());
    assertTrue(allowed.out().contains("w1    web   127.0.0.1  failed, unchanged"), allowed.out());
  }

  @Test
  void planReportsAnUnreachableHostInOneLineAndExitsOne() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String file = policy("public eth0;\nnode web allow tcp 22;\nhost w1 role web address 127.0.0.1 port " + closed + ";\n");
    Run run = swfw("plan", file, "--known-hosts", dir.resolve("kh").toString());
    assertEquals(new Run(1, "", "swfw: w1: cannot connect to 127.0.0.1:" + closed + ": connection refused\n"
        + "plan: 0 of 1 host(s) to change, 1 could not be read\n"), run);
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    String file = policy("public eth0;\nnode web allow tcp 22;\nhost w1 role web address 127.0.0.1;\n");
    assertEquals(2, swfw("push", file, "--output", "xml").exitCode());
    assertEquals("swfw: error: --limit: no host or role named 'w2' (hosts: w1)\n",
        swfw("plan", file, "--limit", "w2").err());
    assertEquals(2, swfw("push", file, "--forks", "0").exitCode());
    String noHosts = policy("public eth0;\nnode web allow tcp 22;\n");
    Run run = swfw("verify", noHosts);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("swfw: error: no hosts: add 'host NAME role ROLE address ADDRESS;'"), run.err());
  }

  @Test
  void swarmNodesNeedAManager() throws IOException {
    String file = policy("public eth0;\nnode worker allow tcp 22;\nhost w1 role worker address 127.0.0.1 swarm w1;\n");
    Run run = swfw("push", file);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("need a manager to drain them: give --manager HOST"), run.err());
  }
}
