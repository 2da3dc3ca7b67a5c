package swfw.runtime.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.check.CheckedPolicy;

/** Test policies: the seed's cluster (examples/swarm/cluster.swfw) with the lab's hosts as its inventory. */
public final class Policies {
  private Policies() {}

  /** The example's rules without its host statements (they name addresses of the real cluster). */
  public static String clusterRules() {
    Path example = locate("examples/swarm/cluster.swfw");
    try {
      return Files.readAllLines(example).stream().filter(l -> !l.startsWith("host "))
          .collect(Collectors.joining("\n", "", "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host NAME role ROLE address A key "…" [swarm NAME];} */
  public static String host(SshHost h, String role, Path key, boolean swarm) {
    return "host " + h.name() + " role " + role + " address " + h.address() + " key \"" + key + "\""
        + (swarm ? " swarm " + h.name() : "") + ";\n";
  }

  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CheckedPolicy check(Path file) {
    Frontend f = Frontend.run(file);
    if (f.policy().isEmpty()) {
      throw new IllegalArgumentException("test policy does not check:\n" + f.renderDiagnostics());
    }
    return f.policy().get();
  }

  public static CompiledPolicy compile(CheckedPolicy p) {
    Diagnostics d = new Diagnostics();
    return Compiler.compile(p, d).orElseThrow(() -> new IllegalArgumentException("does not compile: " + d.sorted()));
  }

  /** A file of the repository, found from the module folder Maven runs tests in (or the root). */
  public static Path locate(String relative) {
    for (Path p : List.of(Path.of(relative), Path.of("..").resolve(relative))) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find " + relative + " from " + Path.of("").toAbsolutePath());
  }
}
