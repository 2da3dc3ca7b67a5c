package swfw.dsl.ast;

public enum Action {
  ALLOW("allow"),
  DENY("deny"),
  REJECT("reject");

  private final String keyword;

  Action(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }
}
