package swfw.compiler.iptables;

import java.util.List;
import java.util.Optional;
import swfw.dsl.value.Family;

/** swfw's part of one node's filter table in one family: its chains and the hooks into them. */
public record Ruleset(String role, Family family, List<Chain> chains, List<Hook> hooks, List<IpSet> sets) {
  public Ruleset {
    chains = List.copyOf(chains);
    hooks = List.copyOf(hooks);
    sets = List.copyOf(sets);
  }

  public Optional<Chain> chain(String name) {
    return chains.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public int ruleCount() {
    return chains.stream().mapToInt(c -> c.rules().size()).sum() + hooks.size();
  }
}
