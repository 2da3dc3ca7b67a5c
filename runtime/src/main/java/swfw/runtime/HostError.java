package swfw.runtime;

/**
 * Something went wrong on one host, said in one line for the operator ("cannot connect to
 * 203.0.113.12:22: connection timed out"). Never carries a secret; never shown with a stack trace.
 */
public class HostError extends Exception {
  private static final long serialVersionUID = 1L;

  public HostError(String message) {
    super(message, null, false, false);
  }
}
