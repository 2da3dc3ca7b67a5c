package swfw.runtime.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import swfw.runtime.Target;
import swfw.runtime.inventory.Host;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.ssh.Ssh;

/**
 * Pushes a compiled policy to hosts. Hosts with a swarm node name go one batch of
 * {@code serial} at a time (drained through the manager, updated, reactivated); a failed batch
 * stops the rolling update. The other hosts go in parallel, {@code forks} at a time, alongside.
 */
public final class Push {
  private final Ssh ssh;
  private final Inventory inventory;
  private final PushOptions options;
  private final Progress progress;

  public Push(Ssh ssh, Inventory inventory, PushOptions options, Progress progress) {
    this.ssh = ssh;
    this.inventory = inventory;
    this.options = options;
    this.progress = progress;
  }

  /**
   * Pushes to every target and returns one result per target, in the given order.
   *
   * @throws IllegalArgumentException when swarm nodes are to be updated but no manager can be chosen
   */
  public List<HostResult> run(List<Target> targets) {
    List<Target> swarmTargets = targets.stream().filter(t -> t.host().swarmNode().isPresent()).toList();
    List<Target> others = targets.stream().filter(t -> t.host().swarmNode().isEmpty()).toList();
    Optional<Host> manager = swarmTargets.isEmpty() ? Optional.empty() : inventory.manager(options.manager());
    if (!swarmTargets.isEmpty() && manager.isEmpty() && !options.dryRun()) {
      throw new IllegalArgumentException("hosts with a swarm node name need a manager to drain them: give --manager HOST,"
          + " or a host whose role name contains 'manager' or 'master'");
    }
    // by identity: a Target's record hash would hash its whole compiled rule set
    Map<Target, HostResult> results = new IdentityHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.forks(), others.size())),
        daemon("swfw-push"));
    try (Swarm swarm = manager.map(m -> new Swarm(ssh, m, options.drainTimeout())).orElse(null)) {
      List<Future<HostResult>> futures = new ArrayList<>();
      for (Target t : others) {
        futures.add(pool.submit(() -> new HostPush(ssh, t, options, progress, Optional.empty()).run()));
      }
      rolling(swarmTargets, Optional.ofNullable(swarm), results);
      for (int i = 0; i < others.size(); i++) {
        results.put(others.get(i), await(futures.get(i), others.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    return targets.stream().map(results::get).toList();
  }

  /** The swarm nodes in batches of {@code serial}; after a failed batch the rest are skipped. */
  private void rolling(List<Target> targets, Optional<Swarm> swarm, Map<Target, HostResult> results) {
    if (targets.isEmpty()) {
      return;
    }
    ExecutorService batchPool = Executors.newFixedThreadPool(Math.min(options.serial(), targets.size()),
        daemon("swfw-swarm"));
    try {
      boolean failed = false;
      for (int from = 0; from < targets.size(); from += options.serial()) {
        List<Target> batch = targets.subList(from, Math.min(targets.size(), from + options.serial()));
        if (failed) {
          batch.forEach(t -> results.put(t, skipped(t)));
          continue;
        }
        List<Future<HostResult>> futures = new ArrayList<>();
        for (Target t : batch) {
          futures.add(batchPool.submit(() -> new HostPush(ssh, t, options, progress, swarm).run()));
        }
        for (int i = 0; i < batch.size(); i++) {
          HostResult r = await(futures.get(i), batch.get(i));
          results.put(batch.get(i), r);
          failed |= r.failed();
        }
      }
    } finally {
      batchPool.shutdownNow();
    }
  }

  private HostResult skipped(Target t) {
    String why = "not started: an earlier swarm batch failed, the rolling update stopped";
    progress.event(t.host(), Step.FAILED, why);
    return new HostResult(t.host(), Outcome.SKIPPED, why, 0, 0, Duration.ZERO, Optional.empty());
  }

  private static HostResult await(Future<HostResult> f, Target t) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HostResult(t.host(), Outcome.UNKNOWN, "interrupted", 0, 0, Duration.ZERO, Optional.empty());
    } catch (ExecutionException e) {
      // a bug in swfw, not a host's problem: let the CLI report it as an internal error
      throw new IllegalStateException("push to " + t.host().name() + " failed unexpectedly", e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
