package swfw.dsl.value;

/** A port or an inclusive range of ports. */
public record PortRange(int low, int high) implements Comparable<PortRange> {
  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  public boolean isSingle() {
    return low == high;
  }

  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  /** iptables spelling: {@code 22} or {@code 8000:8100}. */
  public String iptables() {
    return isSingle() ? Integer.toString(low) : low + ":" + high;
  }

  @Override
  public String toString() {
    return isSingle() ? Integer.toString(low) : low + "-" + high;
  }

  @Override
  public int compareTo(PortRange o) {
    return low != o.low ? Integer.compare(low, o.low) : Integer.compare(high, o.high);
  }
}
