package swfw.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths as machine-readable reports name them: relative to the working directory, '/'-separated. */
final class WorkingDirectory {
  private WorkingDirectory() {}

  /** {@code examples/swarm/cluster.swfw}, or an absolute {@code file:} URI for a file outside the working directory. */
  static String uri(Path file) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(cwd)) {
      return abs.toUri().toString();
    }
    String relative = cwd.relativize(abs).toString().replace('\\', '/');
    try {
      return new URI(null, null, relative, null).getRawPath();
    } catch (URISyntaxException e) {
      return abs.toUri().toString();
    }
  }

  /** The same, for people: {@code examples/swarm/cluster.swfw}. */
  static String path(Path file) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
