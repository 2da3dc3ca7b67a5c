package swfw.runtime.push;

import java.time.Duration;
import swfw.runtime.HostError;
import swfw.runtime.inventory.Host;
import swfw.runtime.ssh.ExecResult;
import swfw.runtime.ssh.Remote;
import swfw.runtime.ssh.Ssh;

/**
 * Drains and reactivates swarm nodes through one manager, over one SSH connection opened on first
 * use: {@code docker node update --availability drain|active NAME}, and
 * {@code docker node ps NAME --filter desired-state=running -q} until the node's tasks have left.
 */
final class Swarm implements AutoCloseable {
  private final Ssh ssh;
  private final Host manager;
  private final Duration drainTimeout;
  private Remote remote;

  Swarm(Ssh ssh, Host manager, Duration drainTimeout) {
    this.ssh = ssh;
    this.manager = manager;
    this.drainTimeout = drainTimeout;
  }

  Host manager() {
    return manager;
  }

  /** Drains {@code node} and waits (bounded) until no task is meant to run on it any more. */
  void drain(String node) throws HostError {
    docker("node update --availability drain " + node, "drain " + node);
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    long pause = 250;
    while (true) {
      String tasks = docker("node ps " + node + " --filter desired-state=running -q", "list the tasks of " + node);
      if (tasks.isBlank()) {
        return;
      }
      if (System.nanoTime() + pause * 1_000_000 > deadline) {
        throw new HostError("tasks still running on swarm node " + node + " after " + drainTimeout.toSeconds()
            + " s of draining (" + tasks.strip().split("\\s+").length + " left): rules not applied");
      }
      sleep(pause);
      pause = Math.min(pause * 2, 2000);
    }
  }

  void activate(String node) throws HostError {
    docker("node update --availability active " + node, "reactivate " + node);
  }

  private synchronized String docker(String args, String what) throws HostError {
    if (!args.matches("[A-Za-z0-9 ._=-]+")) {
      throw new HostError("refusing a swarm node name with unusual characters: " + args);
    }
    try {
      if (remote == null || !remote.isConnected()) {
        remote = ssh.connect(manager);
      }
      ExecResult r = remote.exec(remote.asRoot("docker " + args), null);
      if (!r.ok()) {
        throw new HostError("cannot " + what + " through manager " + manager.name() + ": " + r.reason());
      }
      return r.stdout();
    } catch (HostError e) {
      if (e.getMessage().startsWith("cannot " + what)) {
        throw e;
      }
      throw new HostError("cannot " + what + " through manager " + manager.name() + ": " + e.getMessage());
    }
  }

  private static void sleep(long ms) throws HostError {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostError("interrupted");
    }
  }

  @Override
  public synchronized void close() {
    if (remote != null) {
      remote.close();
    }
  }
}
