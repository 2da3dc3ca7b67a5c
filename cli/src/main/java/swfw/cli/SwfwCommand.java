package swfw.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "swfw", mixinStandardHelpOptions = true, versionProvider = Version.class,
    scope = picocli.CommandLine.ScopeType.INHERIT,
    description = "Firewall-as-code for Docker Swarm clusters.",
    footer = ExitCodes.HELP,
    subcommands = {CheckCommand.class, FmtCommand.class, CompileCommand.class, ExplainCommand.class,
        TestCommand.class, PlanCommand.class, PushCommand.class, VerifyCommand.class,
        picocli.AutoComplete.GenerateCompletion.class})
final class SwfwCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (check, fmt, compile, …)");
  }
}
