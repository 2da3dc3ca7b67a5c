package swfw.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;
import swfw.runtime.ssh.SshOptions;

/** The options plan, push and verify share: which hosts, and how to reach them. */
final class HostOptions {
  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Take the hosts from FILE (a .swfw file of host statements) instead of the policy.")
  Path inventory;

  @Option(names = "--limit", paramLabel = "HOST|ROLE", split = ",",
      description = "Only these hosts, or the hosts of these roles (comma-separated).")
  List<String> limit = List.of();

  @Option(names = "--known-hosts", paramLabel = "FILE",
      description = "Check host keys against FILE (default: ~/.ssh/known_hosts). Unknown keys are refused.")
  Path knownHosts;

  @Option(names = "--accept-new-host-keys",
      description = "Trust a host key seen for the first time and record it; a changed key is always refused.")
  boolean acceptNew;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Bound on connecting and logging in (default: ${DEFAULT-VALUE}).")
  double connectTimeout;

  @Option(names = "--command-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Bound on each remote command (default: ${DEFAULT-VALUE}).")
  double commandTimeout;

  @Option(names = "--forks", paramLabel = "N", defaultValue = "5",
      description = "Hosts handled at once (default: ${DEFAULT-VALUE}).")
  int forks;

  SshOptions ssh() {
    Path home = Path.of(System.getProperty("user.home"));
    SshOptions o = SshOptions.defaults(home, new KeyPassphrases());
    return o.withKnownHosts(knownHosts != null ? knownHosts : o.knownHosts(), acceptNew)
        .withTimeouts(seconds(connectTimeout, "--connect-timeout"), seconds(commandTimeout, "--command-timeout"));
  }

  static Duration seconds(double s, String option) {
    if (!(s > 0) || s > 86_400) {
      throw new UserError(ExitCodes.USAGE, option + " must be between 0 and 86400 seconds");
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
