package swfw.compiler.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.RandomPolicies;
import swfw.compiler.ir.ExpectIr;
import swfw.compiler.ir.NodeIr;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.check.Resolved;

/**
 * Expectations checked with the sample packets run through the model together find the failure that
 * running the samples one at a time, in order, finds first: the same packet, the same traces.
 */
class ExpectationsTest {
  @Property(tries = 300)
  void batchedSamplesFailWhereSingleSamplesFailFirst(@ForAll long seed) {
    Frontend front = Frontend.run(Path.of("test.swfw"), RandomPolicies.swarmPolicy(new Random(seed)));
    Assume.that(front.policy().isPresent());
    Optional<CompiledPolicy> policy = Compiler.compile(front.policy().get(), new Diagnostics());
    Assume.that(policy.isPresent());
    for (NodeIr node : policy.get().ir().nodes()) {
      CompiledNode compiled = policy.get().node(node.role()).orElseThrow();
      for (ExpectIr e : node.expectations()) {
        Optional<Expectations.Failure> expected = oneAtATime(node, compiled, e);
        assertEquals(expected, Expectations.firstFailure(node, compiled, e), e.toString());
        Statistics.label("holds").collect(expected.isEmpty());
      }
    }
  }

  /** The check as first written: every sample through {@link NetfilterModel#evaluate}, in order, both paths. */
  private static Optional<Expectations.Failure> oneAtATime(NodeIr node, CompiledNode compiled, ExpectIr e) {
    boolean accept = e.statement().verb() == Resolved.Verb.EXPECT_ACCEPT;
    for (Packet p : Expectations.samples(node, e.statement().match())) {
      NetfilterModel model = new NetfilterModel(compiled.ruleset(p.family()));
      Trace toHost = model.evaluate(p);
      Packet forwarded = new Packet(p.family(), Packet.Path.FORWARD, p.protocol(), p.src(), p.dst(), p.srcPort(),
          p.dstPort(), p.icmpType(), p.iface(), p.state(), p.hopLimit());
      Trace toContainer = model.evaluate(forwarded);
      boolean reachable = toHost.verdict().admitted() || p.protocol().hasPorts() && toContainer.verdict().admitted();
      if (reachable != accept) {
        return Optional.of(new Expectations.Failure(p, toHost, toContainer));
      }
    }
    return Optional.empty();
  }
}
