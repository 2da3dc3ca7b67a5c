package swfw.cli;

/** swfw's exit codes, listed in every command's --help. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Policy errors, a failed check, a failed expectation, output that differs from the approved files. */
  public static final int POLICY = 1;
  public static final int USAGE = 2;
  /** A deploy failed on some host and was rolled back there. */
  public static final int DEPLOY = 3;
  /** {@code swfw plan}: changes are pending (like terraform's detailed exit code). */
  public static final int CHANGES = 4;

  static final String HELP = "%nExit codes:%n"
      + "  0  success%n"
      + "  1  policy errors, failed check or expectation, output differs (--check)%n"
      + "  2  usage error%n"
      + "  3  deploy failed on a host (its previous rules were restored)%n"
      + "  4  plan: changes are pending%n";

  private ExitCodes() {}
}
