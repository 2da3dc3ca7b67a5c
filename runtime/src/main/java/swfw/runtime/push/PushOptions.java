package swfw.runtime.push;

import java.time.Duration;
import java.util.Optional;

/**
 * How {@link Push} deploys.
 *
 * @param confirmTimeout the rollback armed on each host fires after this unless a new connection confirms
 * @param forks hosts without a swarm node name handled at once
 * @param serial swarm nodes drained and updated at once (a rolling update in batches)
 * @param dryRun everything up to and including the backup, but no drain and no apply
 * @param manager the host that drains and reactivates swarm nodes; empty: the first whose role says manager or master
 * @param drainTimeout how long a drained node's tasks may take to leave before the host is given up
 */
public record PushOptions(Duration confirmTimeout, int forks, int serial, boolean dryRun, Optional<String> manager,
    Duration drainTimeout) {
  public PushOptions {
    if (forks < 1 || serial < 1) {
      throw new IllegalArgumentException("--forks and --serial must be at least 1");
    }
    if (confirmTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("--confirm-timeout must be at least 1 second");
    }
  }

  public static PushOptions defaults() {
    return new PushOptions(Duration.ofSeconds(30), 5, 1, false, Optional.empty(), Duration.ofSeconds(120));
  }
}
