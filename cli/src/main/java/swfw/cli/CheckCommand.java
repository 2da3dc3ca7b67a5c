package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.dsl.ast.AstPrinter;

@Command(name = "check", description = {
    "Check policy files: parse, resolve, compile, evaluate the 'expect' statements and run the lints",
    "(docs/lints.md). Every error and warning is printed; a lint finding can be suppressed on its",
    "statement with a reason: '# swfw:ignore SW4002 -- why'."},
    footer = ExitCodes.HELP)
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The streams when {@link QuickStart} runs this command without picocli; else those of {@link #spec}. */
  PrintWriter quickOut;
  PrintWriter quickErr;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files to check.")
  List<Path> files;

  @Option(names = "--strict", description = "Warnings fail the check too.")
  boolean strict;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (rendered, to standard error), json or sarif (SARIF 2.1.0 for GitHub code scanning), "
          + "both to standard output. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--allow-lockout", description = "Do not fail when push would lock the operator out of a host "
      + "(SW4001); each overridden finding is still printed, as a warning line on standard error.")
  boolean allowLockout;

  @Option(names = "--dump-ast", description = "Print the syntax tree of each file (after its includes).")
  boolean dumpAst;

  @Override
  public Integer call() {
    CheckFormat chosen = format();
    PrintWriter out = out();
    PrintWriter err = err();
    List<FileCheck> checks = new ArrayList<>();
    for (Path file : files) {
      FileCheck c = FileCheck.run(file, allowLockout);
      checks.add(c);
      if (chosen == CheckFormat.TEXT) {
        TextReport.print(c, err);
      }
      TextReport.printOverridden(c, err);
      if (dumpAst && !c.front().diagnostics().hasErrors()) {
        out.print(AstPrinter.print(c.front().loaded().statements()));
      }
    }
    if (chosen == CheckFormat.JSON) {
      out.print(JsonReport.render(checks));
    } else if (chosen == CheckFormat.SARIF) {
      out.print(SarifReport.render(checks, new Version().getVersion()[0].replace("swfw ", "")));
    }
    out.flush();
    boolean failed = checks.stream().anyMatch(c -> c.errors() > 0 || strict && c.warnings() > 0);
    return failed ? ExitCodes.POLICY : ExitCodes.OK;
  }

  private CheckFormat format() {
    try {
      return CheckFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown format '" + format + "': use text, json or sarif");
    }
  }

  private PrintWriter out() {
    return quickOut != null ? quickOut : spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return quickErr != null ? quickErr : spec.commandLine().getErr();
  }
}
