package swfw.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The workload {@code ./swfw} runs once to record its start-up archive (a JDK 25 AOT cache or a JDK 17
 * class-data-sharing archive): the verbs people run most, on one policy, output discarded. Classes it
 * never loads still work; they are only read from the jar as usual.
 */
public final class Training {
  private Training() {}

  /** @param args one policy file with a node role that guards eth0, such as examples/swarm/cluster.swfw */
  public static void main(String[] args) {
    String policy = args[0];
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    String[][] runs = {
        {"check", policy},
        {"compile", policy},
        {"compile", "--live", "--stdout", policy},
        {"test", policy},
        {"explain", policy, "tcp", "203.0.113.5:40000", "->", "eth0:22"},
        {"check", "--help"},
        {"compile", "--no-such-option"},
    };
    for (String[] run : runs) {
      Cli.run(run, nowhere, nowhere);
    }
  }
}
