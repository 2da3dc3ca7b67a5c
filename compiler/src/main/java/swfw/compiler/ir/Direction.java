package swfw.compiler.ir;

/** Where a rule filters: traffic to the host, from the host, or forwarded to a container-published port. */
public enum Direction {
  INBOUND,
  OUTBOUND,
  PUBLISHED
}
