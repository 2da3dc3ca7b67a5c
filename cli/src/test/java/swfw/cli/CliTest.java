package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
  private final PrintWriter out = new PrintWriter(new StringWriter());
  private final PrintWriter err = new PrintWriter(new StringWriter());

  @Test
  void everyVerbIsRegisteredUnderItsOwnName() {
    for (Map.Entry<String, Class<?>> verb : SwfwCommand.VERBS.entrySet()) {
      assertEquals(verb.getKey(), verb.getValue().getAnnotation(CommandLine.Command.class).name());
    }
  }

  @Test
  void fullCommandLineHasEveryVerb() {
    assertEquals(List.copyOf(SwfwCommand.VERBS.keySet()), List.copyOf(Cli.create(out, err).getSubcommands().keySet()));
  }

  @Test
  void runningOneVerbBuildsOnlyThatVerb() {
    assertEquals(List.of("compile"), List.copyOf(Cli.create(new String[] {"compile", "x.swfw"}, out, err)
        .getSubcommands().keySet()));
  }

  @Test
  void helpVersionAndCompletionSeeEveryVerb() {
    for (String first : List.of("--help", "-V", "generate-completion", "nosuchverb")) {
      assertEquals(SwfwCommand.VERBS.size(), Cli.create(new String[] {first}, out, err).getSubcommands().size(), first);
    }
    assertEquals(SwfwCommand.VERBS.size(), Cli.create(new String[0], out, err).getSubcommands().size());
  }
}
