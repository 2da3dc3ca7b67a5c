package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.runtime.Target;
import swfw.runtime.push.HostResult;
import swfw.runtime.push.Progress;
import swfw.runtime.push.Push;
import swfw.runtime.push.PushOptions;
import swfw.runtime.push.Step;
import swfw.runtime.ssh.Ssh;
import swfw.runtime.verify.Verify;

@Command(name = "push", description = {
    "Deploy the policy to its hosts over SSH. Per host: upload, back up, test,",
    "arm a rollback on the host, apply IPv4 and IPv6 together, confirm over a NEW",
    "connection, persist for boot. A host that is not confirmed within",
    "--confirm-timeout restores its previous rules by itself.",
    "Swarm nodes (hosts with 'swarm NAME') are drained through a manager, updated",
    "and reactivated, --serial at a time; the manager is --manager, else the first",
    "host whose role name contains 'manager' or 'master'. Hosts already in policy",
    "are skipped. See docs/deploy.md."},
    footer = ExitCodes.HELP)
final class PushCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The streams when {@link QuickStart} runs this command without picocli; else those of {@link #spec}. */
  PrintWriter quickOut;
  PrintWriter quickErr;

  @Parameters(paramLabel = "FILE", description = "The policy file.")
  Path file;

  @Mixin
  HostOptions hosts;

  @Mixin
  SshSettings sshSettings;

  @Option(names = "--confirm-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Each host rolls back by itself unless confirmed within this time (default: ${DEFAULT-VALUE}).")
  double confirmTimeout;

  @Option(names = "--serial", paramLabel = "N", defaultValue = "1",
      description = "Swarm nodes updated at once (default: ${DEFAULT-VALUE}).")
  int serial;

  @Option(names = "--manager", paramLabel = "HOST", description = "The swarm manager that drains and reactivates nodes.")
  String manager;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long a drained node's tasks may take to leave (default: ${DEFAULT-VALUE}).")
  double drainTimeout;

  @Option(names = "--dry-run", description = "Connect, test and back up, but drain nothing and apply nothing.")
  boolean dryRun;

  @Option(names = "--allow-lockout",
      description = "Push even when the policy closes the SSH port swfw connects to (the host then rolls back).")
  boolean allowLockout;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
      description = "Summary format: table or json (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--timings",
      description = "Prefix progress lines with the seconds since swfw started, show each SSH login's algorithms,"
          + " and end with how long the hosts took between their steps.")
  boolean timings;

  @Override
  public Integer call() {
    PushTimings clock = timings ? new PushTimings() : null;
    PrintWriter err = quickErr != null ? quickErr : spec.commandLine().getErr();
    if (!output.equals("table") && !output.equals("json")) {
      throw new UserError(ExitCodes.USAGE, "--output must be table or json, not '" + output + "'");
    }
    Ssh.prepare();   // builds sshj's configuration while the policy compiles
    Deployment d = Deployment.load(file, hosts, err);
    if (!allowLockout) {
      refuseLockouts(d, err);
    }
    PushOptions options;
    try {
      options = new PushOptions(HostOptions.seconds(confirmTimeout, "--confirm-timeout"), hosts.forks, serial, dryRun,
          Optional.ofNullable(manager), HostOptions.seconds(drainTimeout, "--drain-timeout"));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCodes.USAGE, e.getMessage());
    }
    Ssh ssh = new Ssh(sshSettings.ssh(), d.inventory());
    List<HostResult> results;
    try {
      results = new Push(ssh, d.inventory(), options, progress(err, clock)).run(d.targets());
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCodes.USAGE, e.getMessage());
    }
    PrintWriter out = quickOut != null ? quickOut : spec.commandLine().getOut();
    out.print(output.equals("json") ? PushReport.json(results, dryRun) : PushReport.table(results));
    out.flush();
    results.stream().filter(HostResult::failed).forEach(r -> err.println("swfw: " + r.host().name() + ": "
        + r.message() + r.swarmProblem().map(p -> "; " + p).orElse("")));
    if (clock != null) {
      clock.summary(err);
    }
    err.flush();
    return results.stream().anyMatch(HostResult::failed) ? ExitCodes.DEPLOY : ExitCodes.OK;
  }

  /** The lint's lockout check (SW4001) on the hosts being pushed to: the generated rules must let SSH in. */
  private void refuseLockouts(Deployment d, PrintWriter err) {
    var lockouts = swfw.compiler.lint.Lints.lockoutOf(d.policy(), d.entries());
    if (!lockouts.isEmpty()) {
      err.print(d.front().renderer().renderAll(lockouts));
      throw new UserError(ExitCodes.POLICY, "push would lock you out of " + lockouts.size() + " host(s) (each would"
          + " then roll back by itself); give --allow-lockout to push anyway");
    }
  }

  private static Progress progress(PrintWriter err, PushTimings clock) {
    return (host, step, detail) -> {
      String at = clock == null ? "" : clock.event(host, step);
      if (clock == null && step == Step.CONNECTED) {
        return;
      }
      synchronized (err) {
        err.println(at + host.name() + ": " + step.text() + (detail.isEmpty() ? "" : " " + detail));
        err.flush();
      }
    };
  }
}
