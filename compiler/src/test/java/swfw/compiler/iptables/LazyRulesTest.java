package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import swfw.compiler.Policies;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.dsl.value.Family;

class LazyRulesTest {
  private static final String POLICY = """
      public eth0;
      allow tcp 22 from 192.0.2.1;
      allow icmp 3, 11;
      allow udp 53 from { 192.0.2.0/24, 198.51.100.0/24 };
      allow tcp 80;
      allow icmp echo-request limit 8/second;
      allow tcp 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16;
      allow out tcp 443 on eth0, eth1;
      allow out udp 123 on eth0;
      """;

  @Test
  void aRuleKeptForLaterIsMadeAsTheRulesOfItsChainAreWhenRead() {
    Ruleset rs = Policies.compile(POLICY).node("default").orElseThrow().ruleset(Family.V4);
    for (Chain c : rs.chains()) {
      List<IptRule> made = List.copyOf(c.rules());
      assertEquals(made, c.rules(), c.name());
      for (int i = 0; i < made.size(); i++) {
        assertEquals(made.get(i), c.rules().get(i), c.name() + " rule " + i);
      }
    }
  }

  @Test
  void exactlyTheRulesThatLowerToOneRuleOfTheirOwnAreKeptForLater() {
    NodeIr node = Policies.compile(POLICY).ir().node("default").orElseThrow();
    List<String> later = node.rules().stream().filter(r -> r.family() == Family.V4 && RuleLowering.makesOne(r))
        .map(r -> r.span().line() + " " + r.direction()).toList();
    assertEquals(List.of("2 INBOUND", "5 INBOUND", "9 OUTBOUND"), later);
  }

  @Test
  void splittingOffIcmpRunsMakesNoneOfTheRulesKeptForLater() {
    NodeIr node = Policies.compile(POLICY).ir().node("default").orElseThrow();
    List<RuleIr> tcp = node.rules(Family.V4, Direction.INBOUND).stream().filter(RuleLowering::makesOne).toList();
    RuleLowering lowering = new RuleLowering(Family.V4, span -> "test.swfw:" + span.line());
    AtomicInteger made = new AtomicInteger();
    LazyRules.Builder b = new LazyRules.Builder(4, r -> {
      made.incrementAndGet();
      return lowering.one(r);
    });
    b.addMadeLater(tcp.get(0)).add(icmp(3)).add(icmp(11)).addMadeLater(tcp.get(1));
    List<Chain> chains = IcmpRuns.split("C", b.build());
    assertEquals(0, made.get());
    assertEquals(List.of("C", "C/1"), chains.stream().map(Chain::name).toList());
    assertEquals("-s 192.0.2.1/32 -p tcp -m tcp --dport 22 -m comment --comment \"test.swfw:2\" -j ACCEPT",
        IptablesText.spec(chains.get(0).rules().get(0), Family.V4));
    assertEquals(1, made.get());
    assertTrue(chains.get(0).rules() instanceof LazyRules, "a chain keeps its rules unmade");
  }

  private static IptRule icmp(int type) {
    return new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), swfw.dsl.ast.Protocol.ICMP,
        List.of(), Optional.of(new swfw.dsl.value.IcmpType(Family.V4, type)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", "ACCEPT", Optional.empty());
  }
}
