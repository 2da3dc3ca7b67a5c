package swfw.runtime.push;

import java.time.Duration;
import java.util.Optional;
import swfw.runtime.inventory.Host;

/**
 * How the push ended on one host.
 *
 * @param message one line: what happened, or why it failed
 * @param added rules (lines of swfw's part) added, over both families
 * @param removed rules removed
 * @param swarmProblem set when reactivating the swarm node failed (the node may still be drained)
 */
public record HostResult(Host host, Outcome outcome, String message, int added, int removed, Duration elapsed,
    Optional<String> swarmProblem) {

  public boolean failed() {
    return outcome.failed() || swarmProblem.isPresent();
  }

  HostResult withSwarmProblem(String problem) {
    return new HostResult(host, outcome, message, added, removed, elapsed, Optional.of(problem));
  }
}
