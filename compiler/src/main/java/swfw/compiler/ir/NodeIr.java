package swfw.compiler.ir;

import java.util.List;
import swfw.dsl.value.Family;

/** The intermediate policy of one node role: its interfaces and its rules in order, per family. */
public record NodeIr(String role, List<Guard> guarded, List<Guard> trusted, List<RuleIr> rules,
    List<ExpectIr> expectations) {
  public NodeIr {
    guarded = List.copyOf(guarded);
    trusted = List.copyOf(trusted);
    rules = List.copyOf(rules);
    expectations = List.copyOf(expectations);
  }

  public List<RuleIr> rules(Family family, Direction direction) {
    return rules.stream().filter(r -> r.family() == family && r.direction() == direction).toList();
  }
}
