package swfw.testkit;

/**
 * Result of a TCP or UDP probe.
 *
 * @param outcome OPEN, CLOSED or FILTERED
 * @param reply   for OPEN: the first line the listener sent (its name, e.g. {@code ctr:80}), or "";
 *                otherwise the client's error text (e.g. "Connection refused", "No route to host")
 */
public record ProbeResult(Outcome outcome, String reply) {

  public static ProbeResult open(String reply) {
    return new ProbeResult(Outcome.OPEN, reply);
  }

  public static ProbeResult closed(String why) {
    return new ProbeResult(Outcome.CLOSED, why);
  }

  public static ProbeResult filtered(String why) {
    return new ProbeResult(Outcome.FILTERED, why);
  }

  public boolean isOpen() {
    return outcome == Outcome.OPEN;
  }

  /** {@code OPEN(ctr:80)}, {@code OPEN}, {@code CLOSED} or {@code FILTERED}: compact enough for case tables. */
  @Override
  public String toString() {
    return outcome == Outcome.OPEN && !reply.isEmpty() ? "OPEN(" + reply + ")" : outcome.name();
  }
}
