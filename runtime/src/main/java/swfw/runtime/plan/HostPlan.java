package swfw.runtime.plan;

import java.util.List;
import java.util.Optional;
import swfw.runtime.Change;
import swfw.runtime.Target;

/** What push would change on one host (both families), or why the host could not be read. */
public record HostPlan(Target target, List<Change> changes, Optional<String> error) {
  public HostPlan {
    changes = List.copyOf(changes);
  }

  public boolean changed() {
    return changes.stream().anyMatch(Change::changed);
  }

  /** The diffs of both families, one after the other; empty when in policy. */
  public String diff() {
    StringBuilder b = new StringBuilder();
    changes.forEach(c -> b.append(c.diff()));
    return b.toString();
  }
}
