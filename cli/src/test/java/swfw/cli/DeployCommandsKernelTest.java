package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import swfw.runtime.lab.Policies;
import swfw.runtime.lab.SshLab;

/**
 * swfw plan, push and verify end to end: exit codes, standard output and error, against three
 * namespace hosts running OpenSSH (a manager and two workers; see {@link SshLab}: Docker's chains
 * are recreated, the engine cannot run here and the hosts' docker CLI is a recording stand-in).
 */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployCommandsKernelTest {
  private SshLab lab;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  void startLab() {
    lab = SshLab.start(List.of(SshLab.Spec.of("ingress-1", 31), SshLab.Spec.of("node-1", 32),
        SshLab.Spec.of("node-2", 33)));
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void fresh() {
    lab.reset();
  }

  private Run swfw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = args;
    if (!args[0].equals("verify")) {   // verify needs no SSH
      all = java.util.Arrays.copyOf(args, args.length + 2);
      all[args.length] = "--known-hosts";
      all[args.length + 1] = lab.knownHosts().toString();
    }
    int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  private String cluster(String extraHosts) {
    String hosts = Policies.host(lab.host("ingress-1"), "master", lab.clientKey(), true)
        + Policies.host(lab.host("node-1"), "worker", lab.clientKey(), true)
        + Policies.host(lab.host("node-2"), "worker", lab.clientKey(), true) + extraHosts;
    return Policies.write(lab.dir(), "cluster.swfw", Policies.clusterRules() + hosts).toString();
  }

  @Test
  void planShowsTheChangesPushAppliesThemThenPlanAndVerifyFindTheHostsInPolicy() {
    String file = cluster("");
    Run plan = swfw("plan", file);
    assertEquals(4, plan.exitCode(), plan.err());
    assertTrue(plan.out().startsWith("ingress-1 (master, " + lab.subnet() + ".31): 48 to add, 0 to remove\n"
        + "--- ingress-1 ipv4 (live)\n+++ ingress-1 ipv4 (policy)\n"), plan.out());
    assertTrue(plan.out().contains("\n+-A INPUT -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0\n"));
    assertTrue(plan.err().endsWith("plan: 3 of 3 host(s) to change\n"), plan.err());

    Run push = swfw("push", file, "--confirm-timeout", "3");
    assertEquals(0, push.exitCode(), push.err());
    assertTrue(push.out().matches("(?s)HOST +ROLE +ADDRESS +RESULT +CHANGES +TIME\n"
        + "ingress-1 +master +" + Pattern.quote(lab.host("ingress-1").address()) + " +applied +\\+48 -0 .*\n3 host\\(s\\): all ok\n"), push.out());
    assertTrue(push.err().contains("node-1: drained node-1\n"), push.err());
    assertTrue(push.err().contains("node-1: confirmed and persisted\n"), push.err());

    assertEquals(new Run(0, "ingress-1 (master, " + lab.subnet() + ".31): in policy\nnode-1 (worker, " + lab.subnet() + ".32): in policy\n"
        + "node-2 (worker, " + lab.subnet() + ".33): in policy\n", "plan: 0 of 3 host(s) to change\n"), swfw("plan", file));

    Run verify = swfw("verify", file, "--scan-timeout", "0.7");
    assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    assertTrue(verify.out().startsWith("ingress-1 (master, " + lab.subnet() + ".31): ok, "), verify.out());

    Run again = swfw("push", file, "--output", "json");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().startsWith("{\"dryRun\": false, \"failed\": 0, \"hosts\": [\n  {\"host\": \"ingress-1\","
        + " \"role\": \"master\", \"address\": \"" + lab.subnet() + ".31\", \"result\": \"in-policy\""), again.out());
  }

  @Test
  void pushExitsThreeNamingTheHostThatFailedWhileTheOthersAreDeployed() {
    String file = cluster("host ghost role worker address " + lab.subnet() + ".99 key \"" + lab.clientKey() + "\";\n");
    Run push = swfw("push", file, "--confirm-timeout", "3", "--connect-timeout", "1.5");
    assertEquals(3, push.exitCode(), push.err());
    assertTrue(push.err().matches("(?s).*\nswfw: ghost: cannot connect to " + Pattern.quote(lab.subnet() + ".99") + ":22: "
        + "(connection timed out|no route to host)\n"), push.err());
    assertTrue(push.out().contains("\n4 host(s): 1 failed\n"), push.out());
    assertEquals(3, push.out().lines().filter(l -> l.contains(" applied ")).count(), push.out());
  }

  @Test
  void verifyListsThePortsThatDoNotMatchThePolicy() {
    Run verify = swfw("verify", cluster(""), "--scan-timeout", "0.7", "--limit", "node-1");
    assertEquals(1, verify.exitCode());
    assertTrue(verify.out().startsWith("node-1 (worker, " + lab.subnet() + ".32): "), verify.out());
    assertTrue(verify.out().contains("\n  tcp 80: expected filtered (no answer), found closed (answered)\n"), verify.out());
  }

  @Test
  void aLockoutPushedAnywayIsRolledBackByTheHostAndPushExitsThree() {
    Path file = Policies.write(lab.dir(), "lockout.swfw", "public eth0;\ntrust ens11;\nnode worker allow tcp 80;\n"
        + Policies.host(lab.host("node-2"), "worker", lab.clientKey(), false));
    String before = lab.host("node-2").iptables().save();

    Run refused = swfw("push", file.toString());
    assertEquals(1, refused.exitCode());
    Run push = swfw("push", file.toString(), "--allow-lockout", "--confirm-timeout", "2");
    assertEquals(3, push.exitCode(), push.err());
    assertTrue(push.err().contains("swfw: node-2: no new connection after applying: cannot connect to " + lab.subnet() + ".33:22: "
        + "connection timed out; the host restored its previous rules by itself\n"), push.err());
    assertEquals(before, lab.host("node-2").iptables().save());
  }
}
