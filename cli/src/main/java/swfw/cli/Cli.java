package swfw.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line; tests call the same factory with their own writers. */
public final class Cli {
  private Cli() {}

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SwfwCommand());
    // explain's packet has a literal '->', which must not read as an option.
    cl.getSubcommands().get("explain").setUnmatchedOptionsArePositionalParams(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> handle(ex, line.getErr()));
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("swfw: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    });
    return cl;
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return create(out, err).execute(args);
  }

  private static int handle(Exception ex, PrintWriter err) {
    if (ex instanceof UserError u) {
      err.println("swfw: error: " + u.getMessage());
      return u.exitCode();
    }
    // A bug in swfw, not a user's mistake: say so plainly, and keep the trace for a report.
    err.println("swfw: internal error: " + ex + " (please report this with the input that caused it)");
    if (System.getenv("SWFW_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    return 70;
  }
}
