package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.iptables.SwfwPart;
import swfw.dsl.value.Family;
import swfw.testkit.Iptables;
import swfw.testkit.Lab;
import swfw.testkit.LabExtension;
import swfw.testkit.Netns;

/**
 * Every generated file LOADS into a real kernel table (not `iptables-restore --test`, which on the nft
 * backend only parses), and iptables-save prints back exactly the lines swfw generated: the text
 * round-trips, so plan diffs and idempotency checks compare like with like.
 */
@Tag("kernel")
@ExtendWith(LabExtension.class)
class KernelLoadTest {
  static Stream<Arguments> nodes() {
    return swfw.examples.ExampleFilesAccess.roots().stream().flatMap(root -> {
      CompiledPolicy p = Compiled.policy(Path.of(root));
      return p.nodes().stream().map(n -> Arguments.of(root, n.role()));
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nodes")
  void bootFilesLoadAndRoundTrip(String root, String role, Lab lab) {
    CompiledPolicy policy = Compiled.policy(Path.of(root));
    CompiledNode node = policy.node(role).orElseThrow();
    Netns ns = lab.netns("load");
    Compiled.boot(ns, node, policy.policyName());
    for (Family f : Family.values()) {
      String saved = (f == Family.V4 ? Iptables.v4(ns) : Iptables.v6(ns)).save();
      assertEquals(SwfwPart.of(node.ruleset(f)).canonicalText(), SwfwPart.fromSave(saved).canonicalText(),
          root + " " + role + " " + f);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nodes")
  void liveFormLoadsIntoAnEmptyTableAndRoundTrips(String root, String role, Lab lab) {
    CompiledNode node = Compiled.policy(Path.of(root)).node(role).orElseThrow();
    Netns ns = lab.netns("live");
    Compiled.live(ns, node);
    for (Family f : Family.values()) {
      String saved = (f == Family.V4 ? Iptables.v4(ns) : Iptables.v6(ns)).save();
      assertEquals(SwfwPart.of(node.ruleset(f)).canonicalText(), SwfwPart.fromSave(saved).canonicalText());
    }
  }
}
