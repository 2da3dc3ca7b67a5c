package swfw.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process inside a namespace (a listener, a daemon). Killed, with all its
 * descendants, on {@link #close()} or when its {@link Lab} closes.
 */
public final class Background implements AutoCloseable {

  private final Netns netns;
  private final List<String> command;
  private final Process process;
  private final Path log;

  Background(Netns netns, List<String> command, Process process, Path log) {
    this.netns = netns;
    this.command = List.copyOf(command);
    this.process = process;
    this.log = log;
  }

  /** The namespace it runs in. */
  public Netns netns() {
    return netns;
  }

  /** Process id (the command itself: {@code ip netns exec} replaces itself with it). */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything it wrote to stdout and stderr so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Waits until some socket in its namespace listens on TCP {@code port} (IPv4 or IPv6), polling
   * {@code /proc/<pid>/net/tcp*} every millisecond or two; fails if the process dies first.
   */
  public Background awaitTcpListening(int port, Duration timeout) {
    return await(port, timeout, "tcp", "0A");
  }

  /** Waits until some socket in its namespace is bound to UDP {@code port}, like {@link #awaitTcpListening}. */
  public Background awaitUdpBound(int port, Duration timeout) {
    return await(port, timeout, "udp", "07");
  }

  /** Kills the process and its descendants and waits (briefly) for them to go. Idempotent. */
  @Override
  public void close() {
    List<Long> tree = process.descendants().map(ProcessHandle::pid).toList();
    Exec.killTree(process.toHandle());
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Namespaces.awaitGone(tree, Duration.ofSeconds(1));
  }

  @Override
  public String toString() {
    return "Background[" + netns.role() + " pid " + pid() + ": " + String.join(" ", command) + "]";
  }

  private Background await(int port, Duration timeout, String proto, String state) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 1;
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(this + " exited (" + process.exitValue() + ") before "
            + proto + " port " + port + " was ready; output:\n" + output());
      }
      if (hasSocket(proto, hexPort, state)) {
        return this;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(this + ": " + proto + " port " + port + " not ready after "
            + timeout.toMillis() + " ms; output:\n" + output());
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      pause = Math.min(pause * 2, 8);
    }
  }

  private boolean hasSocket(String proto, String hexPort, String state) {
    for (String table : List.of(proto, proto + "6")) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "net", table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals(state)) {
            return true;
          }
        }
      } catch (IOException e) {
        // process just exited or the protocol is absent: the caller's liveness check decides
      }
    }
    return false;
  }
}
