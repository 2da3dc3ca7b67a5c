package swfw.compiler.explain;

import java.util.List;
import java.util.Optional;
import swfw.compiler.iptables.IptRule;

/**
 * What the model did with a packet: the verdict, the rule that decided it (empty when no swfw rule
 * did and the packet went on to the rest of the builtin chain), and every rule it was compared with.
 */
public record Trace(Verdict verdict, Optional<Step> decidedBy, List<Step> steps) {
  public Trace {
    steps = List.copyOf(steps);
  }

  public enum Verdict {
    ACCEPT,
    DROP,
    REJECT,
    /** No swfw rule decided: INPUT/OUTPUT go on to the chain's policy, DOCKER-USER to Docker's chains. */
    PASS;

    /** Whether the packet gets through swfw. */
    public boolean admitted() {
      return this == ACCEPT || this == PASS;
    }
  }

  /** One rule the packet was compared with: where it sits and whether it matched. */
  public record Step(String chain, int position, IptRule rule, boolean matched) {}

  public int rulesTraversed() {
    return steps.size();
  }
}
