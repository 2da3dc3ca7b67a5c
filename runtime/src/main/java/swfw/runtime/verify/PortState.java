package swfw.runtime.verify;

/** What a TCP connect to a port met. */
public enum PortState {
  /** Connected: something listens and the firewall let it through. */
  OPEN("open"),
  /** Reset (or ICMP port unreachable): the firewall let it through or rejected it, nothing listens. */
  REFUSED("closed (answered)"),
  /** ICMP host or network unreachable. */
  UNREACHABLE("unreachable"),
  /** No answer within the timeout: dropped. */
  FILTERED("filtered");

  private final String text;

  PortState(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
