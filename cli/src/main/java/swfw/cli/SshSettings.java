package swfw.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import swfw.runtime.ssh.SshOptions;

/** How plan and push reach the hosts over SSH. */
final class SshSettings {
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

  SshOptions ssh() {
    Path home = Path.of(System.getProperty("user.home"));
    SshOptions o = SshOptions.defaults(home, new KeyPassphrases());
    return o.withKnownHosts(knownHosts != null ? knownHosts : o.knownHosts(), acceptNew)
        .withTimeouts(HostOptions.seconds(connectTimeout, "--connect-timeout"),
            HostOptions.seconds(commandTimeout, "--command-timeout"));
  }
}
