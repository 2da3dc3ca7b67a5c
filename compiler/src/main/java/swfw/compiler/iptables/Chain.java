package swfw.compiler.iptables;

import java.util.List;

/** A chain swfw owns, with its rules in order. */
public record Chain(String name, List<IptRule> rules) {
  public Chain {
    rules = List.copyOf(rules);
  }
}
