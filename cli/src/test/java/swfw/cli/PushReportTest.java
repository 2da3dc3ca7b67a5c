package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import swfw.runtime.inventory.Host;
import swfw.runtime.push.HostResult;
import swfw.runtime.push.Outcome;

class PushReportTest {
  private static Host host(String name, String role, String address) {
    return new Host(name, role, address, "root", 22, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static final List<HostResult> RESULTS = List.of(
      new HostResult(host("ingress-1", "master", "203.0.113.11"), Outcome.APPLIED, "applied +40 -0, confirmed", 40, 0,
          Duration.ofMillis(1234), Optional.empty()),
      new HostResult(host("node-1", "worker", "203.0.113.12"), Outcome.IN_POLICY, "in policy", 0, 0,
          Duration.ofMillis(200), Optional.empty()),
      new HostResult(host("node-2", "worker", "203.0.113.13"), Outcome.ROLLED_BACK, "no new connection: \"x\"", 3, 1,
          Duration.ofMillis(5000), Optional.of("cannot reactivate node-2")));

  @Test
  void theTableHasOneRowPerHostAndACount() {
    assertEquals("""
        HOST       ROLE    ADDRESS       RESULT                           CHANGES  TIME
        ingress-1  master  203.0.113.11  applied                          +40 -0   1.2s
        node-1     worker  203.0.113.12  in policy                        -        0.2s
        node-2     worker  203.0.113.13  rolled back, node still drained  +3 -1    5.0s
        3 host(s): 1 failed
        """, PushReport.table(RESULTS));
  }

  @Test
  void jsonSaysTheSameForMachines() {
    assertEquals("""
        {"dryRun": false, "failed": 1, "hosts": [
          {"host": "ingress-1", "role": "master", "address": "203.0.113.11", "result": "applied", "failed": false, \
        "added": 40, "removed": 0, "seconds": 1.2, "message": "applied +40 -0, confirmed", "swarmProblem": null},
          {"host": "node-1", "role": "worker", "address": "203.0.113.12", "result": "in-policy", "failed": false, \
        "added": 0, "removed": 0, "seconds": 0.2, "message": "in policy", "swarmProblem": null},
          {"host": "node-2", "role": "worker", "address": "203.0.113.13", "result": "rolled-back", "failed": true, \
        "added": 3, "removed": 1, "seconds": 5.0, "message": "no new connection: \\"x\\"", \
        "swarmProblem": "cannot reactivate node-2"}
        ]}
        """, PushReport.json(RESULTS, false));
  }
}
