package swfw.compiler;

import swfw.compiler.iptables.Ruleset;
import swfw.dsl.value.Family;

/** One node role's rulesets, one per family. */
public record CompiledNode(String role, Ruleset v4, Ruleset v6) {
  public Ruleset ruleset(Family family) {
    return family == Family.V4 ? v4 : v6;
  }
}
