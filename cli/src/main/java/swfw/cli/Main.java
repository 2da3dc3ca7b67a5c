package swfw.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The only place that ends the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    // Not System.exit: since JDK 21 it first sets up System.Logger to log the exit (a service look-up
    // through the class path), which costs more than the rest of a small run's exit. swfw registers no
    // shutdown hooks and its output is flushed, so halting is the same exit, only sooner.
    Runtime.getRuntime().halt(code);
  }

  /** One run on these streams, flushed; {@link Training} runs it too, so the archive holds this path. */
  static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
    int code = Cli.run(args, out, err);
    out.flush();
    err.flush();
    return code;
  }
}
