package swfw.dsl.ast;

public enum Protocol {
  TCP("tcp"),
  UDP("udp"),
  ICMP("icmp"),
  ICMPV6("icmpv6"),
  ANY("any");

  private final String keyword;

  Protocol(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  public boolean isIcmp() {
    return this == ICMP || this == ICMPV6;
  }
}
