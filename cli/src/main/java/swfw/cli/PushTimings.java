package swfw.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import swfw.runtime.inventory.Host;
import swfw.runtime.push.Step;

/**
 * {@code swfw push --timings}: each progress line starts with the seconds since swfw's process
 * started, the SSH logins show the algorithms they negotiated, and at the end a table gives, for
 * each pair of consecutive steps, how long the hosts took between them (median and slowest), so a
 * slow push shows where its time went (bench/README.md reads one).
 */
final class PushTimings {
  private final long origin;
  private final double jvmBefore;
  private final Map<Host, Event> last = new HashMap<>();
  private final Map<String, List<Double>> phases = new LinkedHashMap<>();
  private double firstConnect = -1;

  private record Event(Step step, long nanos) {}

  PushTimings() {
    origin = System.nanoTime();
    jvmBefore = sinceProcessStart();
  }

  /**
   * How long ago this process started (JVM start-up and the policy's compilation come before the
   * push): on Linux from /proc, to 10 ms; elsewhere 0, and the times count from here.
   */
  private static double sinceProcessStart() {
    try {
      String uptime = Files.readString(Path.of("/proc/uptime"));
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the command name (in parentheses, may hold spaces): state is field 3, starttime field 22
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      double started = Long.parseLong(f[19]) / 100.0;   // clock ticks since boot; USER_HZ is 100 on Linux
      return Math.max(0, Double.parseDouble(uptime.split(" ")[0]) - started);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Seconds since the process started. */
  double now() {
    return jvmBefore + (System.nanoTime() - origin) / 1e9;
  }

  /** Records an event; returns the prefix for its progress line. */
  synchronized String event(Host host, Step step) {
    long t = System.nanoTime();
    if (step == Step.CONNECT && firstConnect < 0) {
      firstConnect = now();
    }
    Event before = last.put(host, new Event(step, t));
    if (before != null && step != Step.NOTE) {
      phases.computeIfAbsent(before.step.text() + " -> " + step.text(), k -> new ArrayList<>())
          .add((t - before.nanos) / 1e9);
    }
    return String.format(Locale.ROOT, "%7.3f ", now());
  }

  synchronized void summary(PrintWriter err) {
    err.printf(Locale.ROOT, "timings: first connection at %.3f s, end at %.3f s (seconds since the process started)%n",
        Math.max(firstConnect, 0), now());
    int width = phases.keySet().stream().mapToInt(String::length).max().orElse(10);
    err.printf(Locale.ROOT, "  %-" + width + "s  %5s  %8s  %8s%n", "between the steps", "hosts", "median", "slowest");
    phases.forEach((name, secs) -> {
      List<Double> s = secs.stream().sorted().toList();
      double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
      err.printf(Locale.ROOT, "  %-" + width + "s  %5d  %8.3f  %8.3f%n", name, s.size(), median, s.get(s.size() - 1));
    });
    err.flush();
  }
}
