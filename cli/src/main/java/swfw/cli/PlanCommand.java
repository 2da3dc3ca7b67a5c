package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.runtime.plan.HostPlan;
import swfw.runtime.plan.Planner;
import swfw.runtime.ssh.Ssh;

@Command(name = "plan", description = {
    "Show what 'swfw push' would change: per host, a unified diff of swfw's part",
    "of the live rules (iptables-save, ip6tables-save) against the policy.",
    "Changes nothing on the hosts. Exit 4 when changes are pending."},
    footer = ExitCodes.HELP)
final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy file.")
  Path file;

  @Mixin
  HostOptions hosts;

  @Mixin
  SshSettings sshSettings;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Ssh.prepare();   // builds sshj's configuration while the policy compiles
    Deployment d = Deployment.load(file, hosts, err);
    Ssh ssh = new Ssh(sshSettings.ssh(), d.inventory());
    List<HostPlan> plans = new Planner(ssh, hosts.forks).plan(d.targets());
    int changed = 0;
    int errors = 0;
    for (HostPlan p : plans) {
      String who = p.target().host().name() + " (" + p.target().host().role() + ", " + p.target().host().address() + ")";
      if (p.error().isPresent()) {
        errors++;
        err.println("swfw: " + p.target().host().name() + ": " + p.error().get());
      } else if (p.changed()) {
        changed++;
        int add = p.changes().stream().mapToInt(swfw.runtime.Change::added).sum();
        int del = p.changes().stream().mapToInt(swfw.runtime.Change::removed).sum();
        out.println(who + ": " + add + " to add, " + del + " to remove");
        out.print(p.diff());
      } else {
        out.println(who + ": in policy");
      }
    }
    out.flush();
    err.println("plan: " + changed + " of " + plans.size() + " host(s) to change"
        + (errors > 0 ? ", " + errors + " could not be read" : ""));
    err.flush();
    return errors > 0 ? ExitCodes.POLICY : changed > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
  }
}
