package swfw.testkit;

/** What a probe saw. */
public enum Outcome {
  /** Connected (TCP) or got an answer (UDP, ICMP). */
  OPEN,
  /** Actively refused: TCP RST, or an ICMP unreachable (closed UDP port, {@code REJECT}). */
  CLOSED,
  /** No answer within the timeout (dropped), or the sender's own netfilter refused to send. */
  FILTERED
}
