package swfw.runtime.verify;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.ir.NodeIr;
import swfw.runtime.Parallel;
import swfw.runtime.Target;

/** Scans each host's address from here and compares what answers with what the policy says. */
public final class Verify {
  private final CompiledPolicy policy;
  private final Duration timeout;
  private final int forks;

  public Verify(CompiledPolicy policy, Duration timeout, int forks) {
    this.policy = policy;
    this.timeout = timeout;
    this.forks = forks;
  }

  public List<HostCheck> check(List<Target> targets) {
    Set<Integer> published = ExpectedPorts.publishedTcp(policy.ir().nodes());
    return Parallel.map(targets, forks, t -> checkOne(t, published));
  }

  private HostCheck checkOne(Target t, Set<Integer> published) {
    Optional<NodeIr> node = policy.ir().node(t.host().role());
    Optional<ExpectedPorts> ports = node.flatMap(n -> ExpectedPorts.of(n, t.host().address()));
    if (ports.isEmpty()) {
      return new HostCheck(t.host(), Map.of(), Map.of(),
          Optional.of("role '" + t.host().role() + "' guards no interface: nothing to verify"));
    }
    Map<Integer, Expect> expected = ports.get().probes(published);
    try {
      InetAddress addr = InetAddress.getByName(t.host().address());
      return new HostCheck(t.host(), expected, PortScanner.scan(addr, expected.keySet(), timeout), Optional.empty());
    } catch (IOException e) {
      return new HostCheck(t.host(), expected, Map.of(), Optional.of("cannot scan " + t.host().address() + ": "
          + e.getMessage()));
    }
  }
}
