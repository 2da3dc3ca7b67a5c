package swfw.runtime.push;

/** What a host's push is doing; {@link Progress} hears each as it starts or ends. */
public enum Step {
  CONNECT("connecting"),
  /** Logged in (the detail names the negotiated algorithms); the CLI shows it with --timings. */
  CONNECTED("logged in"),
  CHANGES("changes"),
  NOTE("note:"),
  IN_POLICY("in policy"),
  DRAIN("draining"),
  DRAINED("drained"),
  TEST("backing up, testing, arming the rollback, applying"),
  TESTED("tested with"),
  APPLIED("applied;"),
  CONFIRM("confirming over a new connection"),
  CONFIRMED("confirmed and persisted"),
  PERSISTED("boot files updated"),
  WAIT_ROLLBACK("waiting for the host to roll back by itself"),
  ACTIVATE("reactivating"),
  DONE("done:"),
  FAILED("failed:");

  private final String text;

  Step(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
