package swfw.runtime.agent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import swfw.runtime.HostError;
import swfw.runtime.ssh.ExecResult;
import swfw.runtime.ssh.Remote;

/**
 * Drives the agent on one host for one push, identified by a random nonce: every step after
 * {@link #begin} runs the copy of the agent staged for this push, so a later upload never changes
 * the code an armed rollback will run.
 */
public final class AgentClient {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String nonce;

  public AgentClient(String nonce) {
    if (!nonce.matches("[0-9a-f]{8,32}")) {
      throw new IllegalArgumentException("nonce must be hex: " + nonce);
    }
    this.nonce = nonce;
  }

  public static AgentClient withRandomNonce() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return new AgentClient(HexFormat.of().formatHex(b));
  }

  public String nonce() {
    return nonce;
  }

  private String staged() {
    return AgentScript.VAR + "/stage/" + nonce + "/agent.sh";
  }

  /**
   * Uploads the agent into this push's staging folder, takes the host's push lock and reads the live
   * filter tables, in one round trip.
   */
  public Begin begin(Remote r) throws HostError {
    return Begin.parse(run(r, upload(r, "cat", "begin"), AgentScript.text(), null));
  }

  /** The command that stages the agent (read from standard input by {@code reader}) and runs {@code step}. */
  private String upload(Remote r, String reader, String step) {
    String stage = AgentScript.VAR + "/stage/" + nonce;
    String script = "umask 077 && mkdir -p " + stage + " && " + reader + " > " + staged() + " && exec sh " + staged()
        + " " + step + " " + nonce;
    // root's login shell runs it as it is; through sudo it needs a shell of its own
    return r.host().isRoot() ? script : "sh -c '" + script + "'";
  }

  /**
   * Starts this push on the host in one process and one SSH session: uploads the agent, takes the push
   * lock, backs up the live rules and returns with what {@link #begin} returns; the process then waits
   * for the {@link Session}'s decision (apply, persist, release).
   */
  public Session start(Remote r) throws HostError {
    String text = AgentScript.text();
    String reader = "head -c " + text.getBytes(StandardCharsets.UTF_8).length;
    Remote.Conversation c = r.converse(r.asRoot(upload(r, reader, "push")));
    try {
      c.send(text);
      String out = c.readUntil("--- end");
      if (!out.endsWith("--- end\n")) {
        check(r, c.finish(null));   // the agent stopped before the end of its facts: why
        throw new HostError("the agent ended without reporting the live rules");
      }
      return new Session(r, c, Begin.parse(out));
    } catch (HostError | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * A push begun by {@link #start}: the agent holds the host's lock and waits for one decision. Closing
   * the session without one releases the lock (the agent reads the end of its input).
   */
  public final class Session implements AutoCloseable {
    private final Remote remote;
    private final Remote.Conversation conversation;
    private final Begin begin;

    private Session(Remote remote, Remote.Conversation conversation, Begin begin) {
      this.remote = remote;
      this.conversation = conversation;
      this.begin = begin;
    }

    public Begin begin() {
      return begin;
    }

    /** As {@link AgentClient#apply}, in the same process: the backup is the one taken when the push began. */
    public Map<String, String> apply(Map<String, String> files, Duration confirmTimeout, boolean dryRun)
        throws HostError {
      return facts(check(remote, conversation.finish("apply " + seconds(confirmTimeout) + (dryRun ? " dry-run" : "")
          + "\n" + bundle(files))));
    }

    /** As {@link AgentClient#persist}. */
    public Map<String, String> persist(Map<String, String> files) throws HostError {
      return facts(check(remote, conversation.finish("persist\n" + bundle(files))));
    }

    /** Drops the lock and ends. */
    public void release() throws HostError {
      check(remote, conversation.finish("release\n"));
    }

    /**
     * Ends this process but keeps the lock, for a later {@link AgentClient#apply} as a step of its own
     * (which backs up again: the rules may change meanwhile, as when a swarm node is drained).
     */
    public void detach() throws HostError {
      check(remote, conversation.finish("detach\n"));
    }

    @Override
    public void close() {
      conversation.close();
    }
  }

  private static long seconds(Duration confirmTimeout) {
    return Math.max(1, (confirmTimeout.toMillis() + 999) / 1000);
  }

  /**
   * Stages {@code files} (name → text: {@code apply.v4}, {@code rollback.v6}, {@code rules.v4}, …), tests
   * the payloads, backs up the live rules, arms the rollback to fire after {@code confirmTimeout} and
   * applies IPv4 and IPv6 (or, for a dry run, stops after the backup).
   */
  public Map<String, String> apply(Remote r, Map<String, String> files, Duration confirmTimeout, boolean dryRun)
      throws HostError {
    return facts(run(r, "sh " + staged() + " apply " + nonce + " " + seconds(confirmTimeout) + (dryRun ? " dry-run" : ""),
        bundle(files), null));
  }

  /** The agent's FILES format: each file after a {@code --- swfw-file NONCE NAME} line. */
  String bundle(Map<String, String> files) {
    StringBuilder b = new StringBuilder();
    files.forEach((name, text) -> {
      b.append("--- swfw-file ").append(nonce).append(' ').append(name).append('\n').append(text);
      if (!text.endsWith("\n")) {
        b.append('\n');
      }
    });
    return b.toString();
  }

  /** Disarms the rollback and persists; meant for a NEW connection, which proves the host is reachable. */
  public Map<String, String> confirm(Remote fresh) throws HostError {
    return facts(run(fresh, "sh " + staged() + " confirm " + nonce, null, null));
  }

  /** Persists boot files ({@code rules.v4}, {@code rules.v6}) without applying anything (live rules in policy). */
  public Map<String, String> persist(Remote r, Map<String, String> files) throws HostError {
    return facts(run(r, "sh " + staged() + " persist " + nonce, bundle(files), null));
  }

  /** What became of this push on the host: confirmed, rolled-back, pending, … */
  public String status(Remote r, Duration timeout) throws HostError {
    return facts(run(r, "sh " + staged() + " status " + nonce, null, timeout)).getOrDefault("result", "unknown");
  }

  /** Drops the push lock when nothing is pending (after a failure before apply, or an in-policy host). */
  public void release(Remote r) throws HostError {
    run(r, "sh " + staged() + " release " + nonce, null, null);
  }

  private static String run(Remote r, String command, String stdin, Duration timeout) throws HostError {
    String cmd = r.asRoot(command);
    return check(r, timeout == null ? r.exec(cmd, stdin) : r.exec(cmd, stdin, timeout));
  }

  /** The agent's standard output; its failure as an {@link AgentError} or a {@link HostError}. */
  private static String check(Remote r, ExecResult res) throws HostError {
    if (res.ok()) {
      return res.stdout();
    }
    for (String line : res.stderr().split("\n")) {
      if (line.startsWith("swfw-agent: ")) {
        throw new AgentError(res.status(), line.substring("swfw-agent: ".length()));
      }
    }
    String reason = res.reason();
    if (reason.startsWith("sudo:")) {
      throw new HostError("sudo -n failed for " + r.host().user() + " (" + reason.substring(5).strip()
          + "): swfw needs passwordless sudo for sh");
    }
    throw new HostError("the agent failed: " + reason);
  }

  static Map<String, String> facts(String out) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }
}
