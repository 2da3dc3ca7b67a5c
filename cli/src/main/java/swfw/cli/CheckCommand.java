package swfw.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import swfw.dsl.Frontend;
import swfw.dsl.ast.AstPrinter;

@Command(name = "check", description = "Parse and check policy files; print every error and warning.",
    footer = ExitCodes.HELP)
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files to check.")
  List<Path> files;

  @Option(names = "--strict", description = "Warnings fail the check too.")
  boolean strict;

  @Option(names = "--dump-ast", description = "Print the syntax tree of each file (after its includes).")
  boolean dumpAst;

  @Override
  public Integer call() {
    int code = ExitCodes.OK;
    for (Path file : files) {
      Frontend result = Frontend.run(file);
      code = Math.max(code, Reporter.report(result, spec.commandLine().getErr(), strict));
      if (dumpAst && !result.diagnostics().hasErrors()) {
        spec.commandLine().getOut().print(AstPrinter.print(result.loaded().statements()));
      }
    }
    return code;
  }
}
