package swfw.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options plan, push and verify share: which hosts, and how many at once. */
final class HostOptions {
  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Take the hosts from FILE (a .swfw file of host statements) instead of the policy.")
  Path inventory;

  @Option(names = "--limit", paramLabel = "HOST|ROLE", split = ",",
      description = "Only these hosts, or the hosts of these roles (comma-separated).")
  List<String> limit = List.of();

  @Option(names = "--forks", paramLabel = "N", defaultValue = "5",
      description = "Hosts handled at once (default: ${DEFAULT-VALUE}).")
  int forks;

  static Duration seconds(double s, String option) {
    if (!(s > 0) || s > 86_400) {
      throw new UserError(ExitCodes.USAGE, option + " must be between 0 and 86400 seconds");
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
