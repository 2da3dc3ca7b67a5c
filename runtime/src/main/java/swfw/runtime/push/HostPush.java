package swfw.runtime.push;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import swfw.dsl.value.Family;
import swfw.runtime.Change;
import swfw.runtime.HostError;
import swfw.runtime.Target;
import swfw.runtime.agent.AgentClient;
import swfw.runtime.agent.AgentError;
import swfw.runtime.agent.Begin;
import swfw.runtime.inventory.Host;
import swfw.runtime.ssh.Remote;
import swfw.runtime.ssh.Ssh;

/**
 * One host's push: connect → begin (lock, live rules) → stage → [drain] → back up, test, arm the
 * rollback, apply → confirm over a NEW connection → persist → [reactivate]. A host whose
 * confirmation fails rolls back by itself; this class then waits for that and checks it.
 */
final class HostPush {
  /** The confirmation must be done this long before the host's timer could fire. */
  private static final Duration MARGIN = Duration.ofMillis(500);
  /** After the timer's time, how long the rollback may take before its result is read. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final Ssh ssh;
  private final Target target;
  private final PushOptions options;
  private final Progress progress;
  private final Optional<Swarm> swarm;
  private final AgentClient agent = AgentClient.withRandomNonce();
  private final long started = System.nanoTime();
  private int added;
  private Map<String, String> files = Map.of();
  private int removed;

  HostPush(Ssh ssh, Target target, PushOptions options, Progress progress, Optional<Swarm> swarm) {
    this.ssh = ssh;
    this.target = target;
    this.options = options;
    this.progress = progress;
    this.swarm = swarm;
  }

  private Host host() {
    return target.host();
  }

  HostResult run() {
    progress.event(host(), Step.CONNECT, host().endpoint());
    try (Remote r = ssh.connect(host())) {
      progress.event(host(), Step.CONNECTED, r.algorithms());
      return begun(r);
    } catch (HostError e) {
      return end(Outcome.UNCHANGED, e.getMessage());
    }
  }

  private HostResult begun(Remote r) throws HostError {
    try (AgentClient.Session session = agent.start(r)) {
      return begun(r, session);
    }
  }

  /** The push started on the host (lock taken, rules backed up); the agent waits for one decision. */
  private HostResult begun(Remote r, AgentClient.Session session) throws HostError {
    Begin begin = session.begin();
    if (begin.fact("netfilter-persistent").equals("yes")) {
      progress.event(host(), Step.NOTE, "netfilter-persistent is installed: its full restore (at boot, on reload) "
          + "drops Docker's chains and swfw's; swfw loads its rules with its own unit (docs/deploy.md)");
    }
    try {
      Change v4 = target.change(Family.V4, begin.save4());
      Change v6 = target.change(Family.V6, begin.save6());
      Change.Counts c4 = v4.counts();
      Change.Counts c6 = v6.counts();
      added = c4.added() + c6.added();
      removed = c4.removed() + c6.removed();
      boolean live = !v4.changed() && !v6.changed();
      boolean persisted = persisted(begin, Family.V4) && persisted(begin, Family.V6);
      if (live && persisted) {
        session.release();
        return end(Outcome.IN_POLICY, "in policy");
      }
      progress.event(host(), Step.CHANGES, live ? "boot files only" : "+" + added + " -" + removed);
      if (live) {
        return persistOnly(session);
      }
      files = files(v4, v6);
      if (options.dryRun()) {
        Map<String, String> facts = session.apply(files, options.confirmTimeout(), true);
        return end(Outcome.DRY_RUN, "tested with " + testedHow(facts) + ", backed up; would change +" + added + " -"
            + removed);
      }
      return drainAndApply(r, session);
    } catch (HostError e) {
      releaseQuietly(r);
      throw e;
    }
  }

  private HostResult persistOnly(AgentClient.Session session) throws HostError {
    if (options.dryRun()) {
      session.release();
      return end(Outcome.DRY_RUN, "live rules in policy; would update the boot files");
    }
    session.persist(bootFiles());
    progress.event(host(), Step.PERSISTED, "");
    return end(Outcome.PERSISTED, "live rules in policy; boot files updated");
  }

  /** The files the agent stages: both transactions, both rollbacks, the boot files. */
  private Map<String, String> files(Change v4, Change v6) {
    Map<String, String> f = new LinkedHashMap<>(bootFiles());
    f.put("apply.v4", v4.applyPayload());
    f.put("apply.v6", v6.applyPayload());
    f.put("rollback.v4", v4.rollbackPayload());
    f.put("rollback.v6", v6.rollbackPayload());
    return f;
  }

  private Map<String, String> bootFiles() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("rules.v4", bootFile(Family.V4));
    f.put("rules.v6", bootFile(Family.V6));
    return f;
  }

  /** The role's boot file (rendered once per role). */
  private String bootFile(Family f) {
    return target.bootFile(f);
  }

  private HostResult drainAndApply(Remote r, AgentClient.Session session) throws HostError {
    String node = host().swarmNode().orElse(null);
    if (swarm.isEmpty() || node == null) {
      return applyAndConfirm(r, session);
    }
    // draining takes as long as the node's tasks take to leave: the agent's process ends meanwhile (it
    // keeps the lock), and the apply runs as a step of its own, backing up the rules as they are then
    session.detach();
    progress.event(host(), Step.DRAIN, node + " through " + swarm.get().manager().name());
    try {
      swarm.get().drain(node);
      progress.event(host(), Step.DRAINED, node);
      return applyAndConfirm(r, null);
    } catch (HostError e) {
      releaseQuietly(r);
      return reactivate(node, end(Outcome.UNCHANGED, e.getMessage()));
    } catch (RuntimeException e) {
      reactivate(node, end(Outcome.UNKNOWN, String.valueOf(e)));
      throw e;
    }
  }

  /** Reactivates the node whatever happened before; a failure to do so is reported with the host. */
  private HostResult reactivate(String node, HostResult result) {
    progress.event(host(), Step.ACTIVATE, node);
    try {
      swarm.get().activate(node);
      return result;
    } catch (HostError e) {
      return result.withSwarmProblem(e.getMessage() + " (the node is still drained)");
    }
  }

  private HostResult applyAndConfirm(Remote r, AgentClient.Session session) {
    String node = host().swarmNode().orElse(null);
    HostResult result = applyAndConfirmOnly(r, session);
    return swarm.isPresent() && node != null ? reactivate(node, result) : result;
  }

  /** Applies through {@code session}, the process the push began in, or (null) as a step of its own. */
  private HostResult applyAndConfirmOnly(Remote r, AgentClient.Session session) {
    progress.event(host(), Step.TEST, "");
    long sent = System.nanoTime();
    Map<String, String> facts;
    try {
      facts = session != null ? session.apply(files, options.confirmTimeout(), false)
          : agent.apply(r, files, options.confirmTimeout(), false);
    } catch (AgentError e) {
      return end(e.code() == AgentError.V6_ROLLED_BACK ? Outcome.ROLLED_BACK
          : e.code() == AgentError.ROLLBACK_FAILED ? Outcome.UNKNOWN : Outcome.UNCHANGED, e.getMessage());
    } catch (HostError e) {
      return awaitRollback(r, sent, "the connection broke while applying (" + e.getMessage() + ")");
    }
    progress.event(host(), Step.TESTED, testedHow(facts) + ", backed up");
    progress.event(host(), Step.APPLIED, "the rollback (" + facts.getOrDefault("armed", "?") + ") fires in "
        + options.confirmTimeout().toSeconds() + " s unless confirmed");
    return confirm(r, sent);
  }

  private HostResult confirm(Remote r, long sent) {
    progress.event(host(), Step.CONFIRM, "");
    Duration left = Duration.ofNanos(sent + options.confirmTimeout().toNanos() - System.nanoTime()).minus(MARGIN);
    if (left.isNegative() || left.isZero()) {
      return awaitRollback(r, sent, "no time left to confirm within " + options.confirmTimeout().toSeconds() + " s");
    }
    Duration connect = left.compareTo(ssh.options().connectTimeout()) < 0 ? left : ssh.options().connectTimeout();
    try (Remote fresh = ssh.connect(host(), connect)) {
      progress.event(host(), Step.CONNECTED, fresh.algorithms());
      agent.confirm(fresh);
      progress.event(host(), Step.CONFIRMED, "");
      return end(Outcome.APPLIED, "applied +" + added + " -" + removed + ", confirmed over a new connection");
    } catch (AgentError e) {
      return end(e.code() == AgentError.ROLLBACK_FAILED ? Outcome.UNKNOWN : Outcome.ROLLED_BACK, e.getMessage());
    } catch (HostError e) {
      return awaitRollback(r, sent, "no new connection after applying: " + e.getMessage());
    }
  }

  /** Waits until the host's own rollback has fired, then asks it (old connection first) what happened. */
  private HostResult awaitRollback(Remote old, long sent, String why) {
    progress.event(host(), Step.WAIT_ROLLBACK, why);
    long fire = sent + options.confirmTimeout().toNanos() + GRACE.toNanos();
    sleepUntil(fire);
    String result = status(old, fire + Duration.ofSeconds(8).toNanos());
    if (result.startsWith("rolled-back")) {
      return end(Outcome.ROLLED_BACK, why + "; the host restored its previous rules by itself");
    }
    if (result.equals("unchanged")) {
      return end(Outcome.UNCHANGED, why + "; the rules were not changed");
    }
    if (result.equals("confirmed")) {
      return end(Outcome.APPLIED, "applied +" + added + " -" + removed + ", confirmed");
    }
    return end(Outcome.UNKNOWN, why + "; the host's rollback was armed for " + options.confirmTimeout().toSeconds()
        + " s but its outcome is unknown (" + result + ")");
  }

  private String status(Remote old, long until) {
    String last = "unreachable";
    while (true) {
      try {
        last = old.isConnected() ? agent.status(old, Duration.ofSeconds(5)) : statusFresh();
      } catch (HostError e) {
        try {
          last = statusFresh();
        } catch (HostError e2) {
          last = e2.getMessage();
        }
      }
      if (!last.equals("pending") && !last.equals("rolling-back") || System.nanoTime() > until) {
        return last;
      }
      sleepUntil(System.nanoTime() + 500_000_000L);
    }
  }

  private String statusFresh() throws HostError {
    try (Remote fresh = ssh.connect(host())) {
      return agent.status(fresh, Duration.ofSeconds(5));
    }
  }

  /** The boot file on the host is the one this push would write (the agent prints its SHA-256). */
  private boolean persisted(Begin begin, Family f) {
    return begin.fact(f == Family.V4 ? "persisted-v4" : "persisted-v6").equals(target.bootFileSha256(f));
  }

  private void releaseQuietly(Remote r) {
    try {
      if (r.isConnected()) {
        agent.release(r);
      }
    } catch (HostError ignored) {
      // best effort: a lock without a pending push goes stale and is broken by the next push
    }
  }

  /**
   * How the agent tested each family: a real load into a throw-away network namespace (its
   * {@code sandbox-v4|v6=ok}), else {@code iptables-restore --test} (and why the namespace was skipped).
   */
  static String testedHow(Map<String, String> facts) {
    String s4 = facts.getOrDefault("sandbox-v4", "");
    String s6 = facts.getOrDefault("sandbox-v6", "");
    if (s4.equals("ok") && s6.equals("ok")) {
      return "a load into a test namespace";
    }
    return familyTest("IPv4", "iptables-restore", s4) + ", " + familyTest("IPv6", "ip6tables-restore", s6);
  }

  private static String familyTest(String family, String restore, String sandbox) {
    return sandbox.equals("ok") ? family + " in a test namespace"
        : family + " with " + restore + " --test" + (sandbox.isEmpty() ? "" : " (test namespace " + sandbox + ")");
  }

  private HostResult end(Outcome outcome, String message) {
    progress.event(host(), outcome.failed() ? Step.FAILED : Step.DONE, message);
    return new HostResult(host(), outcome, message, added, removed, Duration.ofNanos(System.nanoTime() - started),
        Optional.empty());
  }

  private static void sleepUntil(long nanoTime) {
    long ms = (nanoTime - System.nanoTime()) / 1_000_000;
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
