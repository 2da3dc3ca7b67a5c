package swfw.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Namespace teardown and the root check, shared by {@link Lab} and its shutdown hook. */
final class Namespaces {

  private Namespaces() {
  }

  /**
   * Kills every process inside the named namespaces, then deletes them (two {@code ip -batch}
   * calls whatever the count).
   *
   * @return one message per namespace that still exists afterwards
   */
  static List<String> destroy(List<String> names, Path scratch) {
    if (names.isEmpty()) {
      return List.of();
    }
    killAllInside(names, scratch);
    String deletes = names.stream().map(n -> "netns del " + n + "\n").collect(Collectors.joining());
    ExecResult del = Exec.run(List.of("ip", "-force", "-batch", "-"), deletes, Lab.DEFAULT_TIMEOUT, scratch);
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      if (Files.exists(Lab.NETNS_DIR.resolve(name))) {
        failures.add("namespace " + name + " still exists: " + del.describe());
      }
    }
    return failures;
  }

  private static void killAllInside(List<String> names, Path scratch) {
    String query = names.stream().map(n -> "netns pids " + n + "\n").collect(Collectors.joining());
    ExecResult pids = Exec.run(List.of("ip", "-force", "-batch", "-"), query, Lab.DEFAULT_TIMEOUT, scratch);
    List<Long> killed = new ArrayList<>();
    for (String line : pids.stdout().split("\n")) {
      if (line.strip().matches("\\d+")) {
        long pid = Long.parseLong(line.strip());
        ProcessHandle.of(pid).ifPresent(h -> {
          h.destroyForcibly();
          killed.add(pid);
        });
      }
    }
    awaitGone(killed, Duration.ofSeconds(1));
  }

  /**
   * Polls {@code /proc/<pid>/stat} until every process is gone or a zombie. (ProcessHandle.onExit
   * polls non-children with a back-off that costs about a second.)
   */
  static void awaitGone(List<Long> pids, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long pause = 1;
    for (long pid : pids) {
      while (isRunning(pid) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        pause = Math.min(pause * 2, 8);
      }
    }
  }

  private static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Effective uid from {@code /proc/self/status} (no process spawned); -1 if unreadable. */
  static long effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

}
