package swfw.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The workload {@code ./swfw} runs once to record its start-up archive (a JDK 25 AOT cache or a JDK 17
 * class-data-sharing archive): the verbs people run most, on one policy, output discarded. Classes it
 * never loads still work; they are only read from the jar as usual. Only {@code check} and
 * {@code compile} in their {@link QuickStart} form: a JDK 25 cache loads every class it holds when the
 * JVM starts, so picocli's classes in it would slow those runs down more than they speed up the rest.
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
    };
    for (String[] run : runs) {
      Cli.run(run, nowhere, nowhere);
    }
  }
}
