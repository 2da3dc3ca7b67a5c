package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.RandomPolicies;
import swfw.compiler.ir.NodeIr;
import swfw.dsl.check.HostEntry;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;

/**
 * On random policies that open swarm's ports and ssh among others, the probes batched through the model
 * find what probing one packet at a time finds: the same swarm exposures in the same order (SW4005-SW4007),
 * the same lockouts refused by the same rules (SW4001).
 */
class SwarmProbesPropertiesTest {
  @Property(tries = 300)
  void batchedSwarmProbesFindWhatSingleProbesFind(@ForAll long seed) {
    String policy = RandomPolicies.swarmPolicy(new Random(seed));
    CompiledPolicy compiled = compiled(policy);
    List<SwarmExposure.Exposure> naive = NaiveSwarmExposure.find(compiled);
    assertEquals(naive, SwarmExposure.find(compiled), policy);
    Statistics.label("exposures").collect(naive.isEmpty() ? "none" : naive.size() < 4 ? "1-3" : "4+");
    Statistics.label("exposures").coverage(c -> c.check("none").percentage(p -> p < 60));
  }

  @Property(tries = 300)
  void batchedLockoutProbesFindWhatSingleProbesFind(@ForAll long seed) {
    String policy = RandomPolicies.swarmPolicy(new Random(seed));
    CompiledPolicy compiled = compiled(policy);
    for (HostEntry host : compiled.ir().hosts()) {
      NodeIr node = compiled.ir().node(host.role()).orElseThrow();
      Cidr address = Addresses.parse(host.address()).orElseThrow();
      for (Optional<Cidr> jump : List.of(Optional.<Cidr>empty(), Optional.of(Probes.outside(address.family())))) {
        Optional<swfw.compiler.explain.Outcome> naive = NaiveLockedOutHost.refused(node,
            compiled.node(host.role()).orElseThrow(), host, address, jump);
        assertEquals(naive, LockedOutHost.refused(node, compiled.node(host.role()).orElseThrow(), host, address, jump),
            policy);
        Statistics.label("refused").collect(naive.isPresent());
      }
    }
  }

  private static CompiledPolicy compiled(String policy) {
    LintRun run = LintRun.of(policy);
    Assume.that(run.compiled().isPresent());
    return run.compiled().get();
  }
}
