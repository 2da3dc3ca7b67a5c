package swfw.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload {@code ./swfw} runs once to record its start-up archive (a JDK 25 AOT cache or a JDK 17
 * class-data-sharing archive): the verbs people run most, on one policy, output discarded. Classes it
 * never loads still work; they are only read from the jar as usual. Only {@code check} and
 * {@code compile} in their {@link QuickStart} form: a JDK 25 cache loads every class it holds when the
 * JVM starts, so picocli's classes in it would slow those runs down more than they speed up the rest.
 *
 * <p>With a second argument {@code ssh}, the workload of the archive {@code ./swfw} keeps apart for
 * the verbs that log in over SSH (plan, push, verify): those verbs' command lines through picocli,
 * a plain push's through {@link QuickStart} up to its first connection, the policy's compilation, and
 * the cryptography of a login without a server ({@link swfw.runtime.ssh.SshRehearsal}). Without it,
 * a push loads sshj's and Bouncy Castle's classes from the jar before its first connection.
 */
public final class Training {
  private Training() {}

  /**
   * @param args one policy file with a node role that guards eth0, such as examples/swarm/cluster.swfw;
   *     then {@code ssh} for the archive of plan, push and verify
   */
  public static void main(String[] args) throws IOException {
    String policy = args[0];
    boolean ssh = args.length > 1 && args[1].equals("ssh");
    // compile writes its files the way a real run does, into a folder removed afterwards.
    Path output = ssh ? null : Files.createTempDirectory("swfw-training");
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    String[][] runs = ssh
        ? new String[][] {
            {"push", "--help"},
            // the picocli-free push (QuickStart) up to its first connection: no host is named so
            {"push", policy, "--limit", "swfw-training-no-such-host", "--known-hosts", "/dev/null"},
            {"plan", "--help"},
            {"verify", "--help"},
            {"check", policy},
            {"compile", "--live", "--stdout", policy},
        }
        : new String[][] {
            {"check", policy},
            {"compile", policy},
            {"compile", "-o", output.toString(), policy},
            {"compile", "--live", "--stdout", policy},
        };
    for (String[] run : runs) {
      Main.run(run, nowhere, nowhere);
    }
    if (ssh) {
      swfw.runtime.ssh.SshRehearsal.run();
    } else {
      removeFolder(output);
    }
  }

  private static void removeFolder(Path folder) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        Files.delete(f);
      }
    }
    Files.delete(folder);
  }
}
