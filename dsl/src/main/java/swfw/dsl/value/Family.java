package swfw.dsl.value;

/** An IP family: each rule lands in the families of its addresses. */
public enum Family {
  V4("ipv4"),
  V6("ipv6");

  private final String label;

  Family(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
