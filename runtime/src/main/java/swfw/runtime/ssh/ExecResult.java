package swfw.runtime.ssh;

/** What a remote command did: its exit status (-1 when killed by a signal) and its output. */
public record ExecResult(int status, String stdout, String stderr) {
  public boolean ok() {
    return status == 0;
  }

  /** The last non-empty line of stderr (where tools put their one-line reason), or "exit status N". */
  public String reason() {
    String[] lines = stderr.strip().split("\n");
    String last = lines[lines.length - 1].strip();
    return last.isEmpty() ? "exit status " + status : last;
  }
}
