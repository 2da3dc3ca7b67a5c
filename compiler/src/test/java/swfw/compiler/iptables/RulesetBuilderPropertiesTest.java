package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.RandomPolicies;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.value.Family;

/**
 * On random policies with many interfaces, each guard's inbound and published rules, grouped by
 * interface in one pass, are those the old filter chose per guard, in the same order.
 */
class RulesetBuilderPropertiesTest {
  private static final Pattern IFACE = Pattern.compile("eth[01+]");
  private static final String[] IFACES = {"eth0", "eth1", "eth+", "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "q+"};

  @Property(tries = 300)
  void eachGuardGetsTheRulesTheOldFilterChose(@ForAll long seed) {
    Random random = new Random(seed);
    String policy = IFACE.matcher(RandomPolicies.policy(random)).replaceAll(m -> IFACES[random.nextInt(IFACES.length)]);
    Optional<CompiledPolicy> compiled = compile(policy);
    Assume.that(compiled.isPresent());
    for (NodeIr node : compiled.get().ir().nodes()) {
      for (Family family : Family.values()) {
        for (Direction d : List.of(Direction.INBOUND, Direction.PUBLISHED)) {
          List<RuleIr> rules = node.rules(family, d);
          Map<String, List<RuleIr>> byIface = RuleIr.byIface(rules);
          for (Guard g : node.guarded()) {
            assertEquals(NaiveGuardRules.on(node, g, rules), byIface.getOrDefault(g.iface(), List.of()), policy);
          }
        }
      }
      int guarded = node.guarded().size();
      Statistics.label("guarded").collect(guarded < 2 ? "0-1" : guarded < 5 ? "2-4" : "5+");
    }
    Statistics.label("guarded").coverage(c -> c.check("5+").percentage(p -> p > 20));
  }

  private static Optional<CompiledPolicy> compile(String policy) {
    Frontend front = Frontend.run(Path.of("test.swfw"), policy);
    return front.policy().flatMap(p -> Compiler.compile(p, new Diagnostics()));
  }
}
