package swfw.runtime.verify;

/** What the policy says a TCP connection to a port from anywhere should meet. */
public enum Expect {
  /** Accepted: the host answers (a service, or a reset when nothing listens). */
  OPEN,
  /** Dropped: no answer at all. */
  CLOSED,
  /** Rejected: an answer, but never a connection. */
  REJECTED;

  public boolean allows(PortState s) {
    return switch (this) {
      case OPEN -> s == PortState.OPEN || s == PortState.REFUSED;
      case CLOSED -> s == PortState.FILTERED || s == PortState.UNREACHABLE;
      case REJECTED -> s != PortState.OPEN;
    };
  }
}
