package swfw.runtime.agent;

import swfw.runtime.HostError;

/** The agent refused or failed a step; {@link #code()} is its documented exit code. */
public final class AgentError extends HostError {
  private static final long serialVersionUID = 1L;
  /** Another push holds the host's lock. */
  public static final int LOCKED = 12;
  /** A payload failed its test: nothing was changed. */
  public static final int TEST_FAILED = 13;
  /** The IPv4 transaction failed atomically: nothing was changed. */
  public static final int UNCHANGED = 14;
  /** IPv6 failed after IPv4 was applied; IPv4 was rolled back at once. */
  public static final int V6_ROLLED_BACK = 15;
  /** The confirmation came too late: the host had rolled back. */
  public static final int TOO_LATE = 16;
  /** Persisting failed after the confirmation; the host rolled back. */
  public static final int PERSIST_ROLLED_BACK = 17;
  /** The rollback itself failed: the host's rules need a look. */
  public static final int ROLLBACK_FAILED = 18;

  private final int code;

  public AgentError(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** True when the host's rules are what they were before the push (never changed, or rolled back). */
  public boolean previousRulesInPlace() {
    return code != ROLLBACK_FAILED;
  }
}
