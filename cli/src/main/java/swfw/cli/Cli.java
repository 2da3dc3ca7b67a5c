package swfw.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line; tests call the same factory with their own writers. */
public final class Cli {
  /** Verbs that need the whole command tree: the completion script lists every verb. */
  private static final String COMPLETION = "generate-completion";

  private Cli() {}

  /** The whole command line, every verb registered. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SwfwCommand());
    for (Map.Entry<String, Class<?>> verb : SwfwCommand.VERBS.entrySet()) {
      cl.addSubcommand(verb.getKey(), verb.getValue());
    }
    return configure(cl, out, err);
  }

  /**
   * The command line for these arguments: only the verb they name, when they start with one (picocli
   * reads the annotations of every registered command, a large part of start-up), else every verb.
   */
  public static CommandLine create(String[] args, PrintWriter out, PrintWriter err) {
    Class<?> verb = args.length > 0 && !args[0].equals(COMPLETION) ? SwfwCommand.VERBS.get(args[0]) : null;
    if (verb == null) {
      return create(out, err);
    }
    CommandLine cl = new CommandLine(new SwfwCommand());
    cl.addSubcommand(args[0], verb);
    return configure(cl, out, err);
  }

  /** Runs a command line: plain {@code check} and {@code compile} runs without picocli, the rest with it. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Integer quick = QuickStart.run(args, out, err);
    return quick != null ? quick : create(args, out, err).execute(args);
  }

  /** The exit code for an exception out of a command, after saying what went wrong. */
  static int failed(Exception ex, PrintWriter err) {
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

  /** After the verbs are added: picocli hands writers and handlers down only to the subcommands it has. */
  private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    CommandLine explain = cl.getSubcommands().get("explain");
    if (explain != null) {
      // explain's packet has a literal '->', which must not read as an option.
      explain.setUnmatchedOptionsArePositionalParams(true);
    }
    Errors errors = new Errors();
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }

  /** A class rather than lambdas: each lambda's bootstrap would cost start-up time on every run. */
  private static final class Errors
      implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
      return failed(ex, line.getErr());
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("swfw: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    }
  }
}
