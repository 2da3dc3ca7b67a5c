package swfw.testkit;

/**
 * Result of {@link Probe#ping}: echo requests sent and replies received.
 *
 * @param transmitted echo requests sent
 * @param received    echo replies received
 */
public record PingResult(int transmitted, int received) {

  /** True when at least one reply came back. */
  public boolean answered() {
    return received > 0;
  }

  @Override
  public String toString() {
    return received + "/" + transmitted;
  }
}
