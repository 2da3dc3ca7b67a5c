package swfw.runtime.plan;

import java.util.List;
import java.util.Optional;
import swfw.dsl.value.Family;
import swfw.runtime.HostError;
import swfw.runtime.LiveRules;
import swfw.runtime.Parallel;
import swfw.runtime.Target;
import swfw.runtime.ssh.Remote;
import swfw.runtime.ssh.Ssh;

/** Reads each host's live rules (changing nothing) and compares swfw's part with the policy. */
public final class Planner {
  private final Ssh ssh;
  private final int forks;

  public Planner(Ssh ssh, int forks) {
    this.ssh = ssh;
    this.forks = forks;
  }

  public List<HostPlan> plan(List<Target> targets) {
    return Parallel.map(targets, forks, this::planOne);
  }

  private HostPlan planOne(Target t) {
    try (Remote r = ssh.connect(t.host())) {
      LiveRules.Saves saves = LiveRules.read(r);
      return new HostPlan(t, List.of(t.change(Family.V4, saves.v4()), t.change(Family.V6, saves.v6())),
          Optional.empty());
    } catch (HostError e) {
      return new HostPlan(t, List.of(), Optional.of(e.getMessage()));
    }
  }
}
