package swfw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs external commands with a hard timeout. Output goes to scratch files, not pipes, so a
 * daemon that inherits the descriptors can never block the caller, and the timeout always holds.
 */
final class Exec {

  /** Tools live in sbin directories that a non-login PATH (CI, IDE) often lacks. */
  private static final List<String> EXTRA_DIRS =
      List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/local/bin", "/usr/bin", "/bin");

  private Exec() {
  }

  /** PATH for child processes: the caller's PATH plus the sbin directories. */
  static String childPath() {
    Set<String> dirs = new LinkedHashSet<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(":")));
    }
    dirs.addAll(EXTRA_DIRS);
    dirs.remove("");
    return String.join(":", dirs);
  }

  /** Absolute path of a tool; the bare name when it is nowhere to be found (exec then fails loudly). */
  static String tool(String name) {
    for (String dir : childPath().split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return name;
  }

  static ExecResult run(List<String> command, String stdin, Duration timeout, Path scratch) {
    Path in = null;
    Path out = null;
    Path err = null;
    long start = System.nanoTime();
    try {
      out = Files.createTempFile(scratch, "out", ".txt");
      err = Files.createTempFile(scratch, "err", ".txt");
      ProcessBuilder pb = builder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin != null) {
        in = Files.createTempFile(scratch, "in", ".txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        pb.redirectInput(in.toFile());
      }
      Process p = pb.start();
      boolean done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (!done) {
        killTree(p.toHandle());
        p.waitFor(2, TimeUnit.SECONDS);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new ExecResult(command, done ? p.exitValue() : -1, read(out), read(err), !done, elapsed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    } finally {
      deleteQuietly(in);
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** A builder with stdin from /dev/null, a complete PATH and the C locale (stable messages). */
  static ProcessBuilder builder(List<String> command) {
    List<String> cmd = new ArrayList<>(command);
    cmd.set(0, tool(cmd.get(0)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> env = pb.environment();
    env.put("PATH", childPath());
    env.put("LC_ALL", "C");
    return pb;
  }

  /** Kills a process and every descendant; descendants are listed first, before re-parenting can hide them. */
  static void killTree(ProcessHandle p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // scratch space; the whole directory goes when the lab closes
      }
    }
  }
}
