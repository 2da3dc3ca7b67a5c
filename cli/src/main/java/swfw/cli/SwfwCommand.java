package swfw.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "swfw", mixinStandardHelpOptions = true, versionProvider = Version.class,
    scope = picocli.CommandLine.ScopeType.INHERIT,
    description = "Firewall-as-code for Docker Swarm clusters.",
    footer = ExitCodes.HELP)
final class SwfwCommand implements Runnable {
  /**
   * The verbs, by the name in each one's {@code @Command}, in the order {@code --help} lists them. They
   * are registered here rather than in {@code subcommands}, so that a run builds only the verb it runs:
   * picocli reads every registered command's annotations at start-up (CliTest checks the names).
   */
  static final Map<String, Class<?>> VERBS = verbs(
      "check", CheckCommand.class,
      "fmt", FmtCommand.class,
      "compile", CompileCommand.class,
      "explain", ExplainCommand.class,
      "test", TestCommand.class,
      "plan", PlanCommand.class,
      "push", PushCommand.class,
      "verify", VerifyCommand.class,
      "generate-completion", picocli.AutoComplete.GenerateCompletion.class);

  @Spec
  CommandSpec spec;

  private static Map<String, Class<?>> verbs(Object... nameThenClass) {
    Map<String, Class<?>> verbs = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      verbs.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return Collections.unmodifiableMap(verbs);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (check, fmt, compile, …)");
  }
}
