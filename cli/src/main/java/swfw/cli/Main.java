package swfw.cli;

import java.io.PrintWriter;

/** The only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = Cli.run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
