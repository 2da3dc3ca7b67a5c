package swfw.dsl.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The policies under the project's examples/ folder, found from wherever the tests run. */
public final class ExampleFiles {
  private ExampleFiles() {}

  /** The project root: the nearest folder upwards that holds both examples/ and grammar/. */
  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("grammar"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root (with examples/ and grammar/) above " + Path.of("").toAbsolutePath());
  }

  /** Every .swfw file below examples/ (build output left out), sorted. */
  public static List<Path> all() {
    Path examples = projectRoot().resolve("examples");
    try (Stream<Path> files = Files.walk(examples)) {
      return files.filter(p -> p.toString().endsWith(".swfw") && Files.isRegularFile(p))
          .filter(p -> !p.toString().contains("/target/"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
