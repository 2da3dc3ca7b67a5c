package swfw.runtime.push;

/** How a host's push ended. */
public enum Outcome {
  /** Live rules and boot files already matched the policy: nothing done. */
  IN_POLICY("in policy", false),
  /** Applied, confirmed over a new connection, persisted. */
  APPLIED("applied", false),
  /** Live rules matched; only the boot files were rewritten. */
  PERSISTED("boot files updated", false),
  /** Dry run: tested and backed up, would change. */
  DRY_RUN("would change", false),
  /** Failed after changing the rules; the host restored its previous rules. */
  ROLLED_BACK("rolled back", true),
  /** Failed before changing anything. */
  UNCHANGED("failed, unchanged", true),
  /** Failed after applying, and whether the host rolled back could not be checked. */
  UNKNOWN("failed, check host", true),
  /** Not started because an earlier swarm batch failed. */
  SKIPPED("skipped", true);

  private final String text;
  private final boolean failed;

  Outcome(String text, boolean failed) {
    this.text = text;
    this.failed = failed;
  }

  public String text() {
    return text;
  }

  public boolean failed() {
    return failed;
  }
}
