package swfw.testkit;

import java.time.Duration;
import java.util.List;

/**
 * What a finished (or killed) command left behind.
 *
 * @param command  the full command line that ran, {@code ip netns exec …} included
 * @param exitCode the exit status; -1 when the command was killed at its timeout
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 * @param timedOut whether the timeout expired and the process tree was killed
 * @param elapsed  wall-clock time from start to exit (or kill)
 */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr,
                         boolean timedOut, Duration elapsed) {

  public ExecResult {
    command = List.copyOf(command);
  }

  /** True when the command exited with status 0 before its timeout. */
  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }

  /** Returns this result when {@link #ok()}, else throws with the command, status and stderr. */
  public ExecResult orThrow() {
    if (!ok()) {
      throw new IllegalStateException(describe());
    }
    return this;
  }

  /** One readable paragraph: the command, how it ended and its stderr (for failure messages). */
  public String describe() {
    String how = timedOut ? "timed out after " + elapsed.toMillis() + " ms" : "exited " + exitCode;
    String err = stderr.isBlank() ? "" : "\n  stderr: " + stderr.strip().replace("\n", "\n          ");
    String out = stdout.isBlank() || ok() ? "" : "\n  stdout: " + stdout.strip().replace("\n", "\n          ");
    return "`" + String.join(" ", command) + "` " + how + err + out;
  }
}
