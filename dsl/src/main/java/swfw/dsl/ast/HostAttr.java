package swfw.dsl.ast;

import swfw.diag.Span;

/** One {@code key value} pair of a {@code host} statement. */
public record HostAttr(Span span, Kind kind, String value, Span valueSpan) {
  public enum Kind {
    ROLE("role"),
    ADDRESS("address"),
    USER("user"),
    PORT("port"),
    KEY("key"),
    JUMP("jump"),
    SWARM("swarm");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }
}
