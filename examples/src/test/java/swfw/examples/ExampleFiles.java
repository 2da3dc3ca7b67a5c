package swfw.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import swfw.cli.Cli;

/** The shipped example policies (this module's folder is examples/) and a way to run the CLI on them. */
final class ExampleFiles {
  /** Policies that are compiled on their own; every other .swfw file is included by one of them. */
  static final List<String> ROOTS = List.of("swarm/cluster.swfw", "oneline/oneline.swfw", "sets/sets.swfw",
      "includes/main.swfw", "published/published.swfw", "blocklist/blocklist.swfw");

  private ExampleFiles() {}

  static Path dir() {
    return Path.of("").toAbsolutePath();
  }

  static List<Path> allPolicies() {
    try (Stream<Path> files = Files.walk(dir())) {
      return files.filter(p -> p.toString().endsWith(".swfw") && !p.toString().contains("/target/")
          && !p.toString().contains("/src/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name usable in approval file names: {@code swarm/cluster.swfw} → {@code swarm-cluster}. */
  static String label(String root) {
    return root.replace(".swfw", "").replace('/', '-');
  }

  record Run(int exitCode, String out, String err) {}

  static Run swfw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
