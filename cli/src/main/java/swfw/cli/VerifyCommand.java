package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.runtime.verify.HostCheck;
import swfw.runtime.verify.Verify;

@Command(name = "verify", description = {
    "Scan each host's address from here (a TCP connect scan) and compare with the",
    "policy: every port it opens to everyone must answer; the ports it closes (the",
    "ports any role publishes, swarm's 2377 and 7946, a sample of others) must not.",
    "Ports opened only to some sources are not judged; UDP is not scanned. No SSH."},
    footer = ExitCodes.HELP)
final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy file.")
  Path file;

  @Mixin
  HostOptions hosts;

  @Option(names = "--scan-timeout", paramLabel = "SECONDS", defaultValue = "2",
      description = "A port that does not answer within this time is filtered (default: ${DEFAULT-VALUE}).")
  double scanTimeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Deployment d = Deployment.load(file, hosts, err);
    List<HostCheck> checks = new Verify(d.policy(), HostOptions.seconds(scanTimeout, "--scan-timeout"), hosts.forks)
        .check(d.targets());
    int bad = 0;
    for (HostCheck c : checks) {
      String who = c.host().name() + " (" + c.host().role() + ", " + c.host().address() + ")";
      if (c.error().isPresent()) {
        bad++;
        err.println("swfw: " + c.host().name() + ": " + c.error().get());
        continue;
      }
      List<String> mismatches = c.mismatches();
      if (mismatches.isEmpty()) {
        out.println(who + ": ok, " + c.expected().size() + " tcp ports as the policy says");
      } else {
        bad++;
        out.println(who + ": " + mismatches.size() + " mismatch(es)");
        mismatches.forEach(m -> out.println("  " + m));
      }
    }
    out.flush();
    err.flush();
    return bad > 0 ? ExitCodes.POLICY : ExitCodes.OK;
  }
}
