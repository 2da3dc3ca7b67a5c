package swfw.compiler.iptables;

import java.util.List;

/** A chain swfw owns, with its rules in order. */
public record Chain(String name, List<IptRule> rules) {
  public Chain {
    // Copying a LazyRules would make every rule it keeps unmade: it is immutable already.
    rules = rules instanceof LazyRules ? rules : List.copyOf(rules);
  }
}
