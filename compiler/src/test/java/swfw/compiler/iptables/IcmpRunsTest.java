package swfw.compiler.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;

class IcmpRunsTest {
  private static IptRule icmp(int type, String target) {
    return new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Protocol.ICMP, List.of(),
        Optional.of(new IcmpType(Family.V4, type)), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "", target, Optional.empty());
  }

  private static final IptRule TCP = new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Protocol.TCP, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      "", "ACCEPT", Optional.empty());

  private static String print(List<Chain> chains) {
    return chains.stream().flatMap(c -> c.rules().stream().map(r -> c.name() + " " + IptablesText.spec(r, Family.V4)))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aLoneIcmpRuleStaysWhereItIs() {
    assertEquals(List.of(new Chain("C", List.of(TCP, icmp(3, "ACCEPT"), TCP))),
        IcmpRuns.split("C", LazyRules.of(List.of(TCP, icmp(3, "ACCEPT"), TCP))));
  }

  @Test
  void aRunMovesBehindOneJumpThatNamesTheTypeTheRunShares() {
    assertEquals("""
        C -p icmp -m icmp --icmp-type 8 -m comment --comment "swfw: ICMP only" -j C/1
        C -p tcp -j ACCEPT
        C -p icmp -m comment --comment "swfw: ICMP only" -j C/2
        C/1 -p icmp -m icmp --icmp-type 8 -j ACCEPT
        C/1 -p icmp -m icmp --icmp-type 8 -j DROP
        C/2 -p icmp -m icmp --icmp-type 3 -j ACCEPT
        C/2 -p icmp -m icmp --icmp-type 11 -j ACCEPT
        """, print(IcmpRuns.split("C",
        LazyRules.of(List.of(icmp(8, "ACCEPT"), icmp(8, "DROP"), TCP, icmp(3, "ACCEPT"), icmp(11, "ACCEPT"))))));
  }

  @Test
  void rulesThatDoNotDecideEndARun() {
    assertEquals("""
        C -p icmp -m icmp --icmp-type 3 -j RETURN
        C -p icmp -m icmp --icmp-type 8 -j ACCEPT
        C -p icmp -m icmp --icmp-type 11 -j OTHER
        """, print(IcmpRuns.split("C", LazyRules.of(List.of(icmp(3, "RETURN"), icmp(8, "ACCEPT"), icmp(11, "OTHER"))))));
  }
}
