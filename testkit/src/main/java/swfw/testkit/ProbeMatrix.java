package swfw.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A table of probes run concurrently: FILTERED cases each wait their full timeout, so twenty of
 * them in sequence cost ten seconds, in parallel half a second. Results keep insertion order,
 * rendered one per line for an approval file or an {@code assertEquals}:
 *
 * <pre>
 * inet -> tcp 203.0.113.1 22   : OPEN(host:22)
 * inet -> tcp 203.0.113.1 8080 : FILTERED
 * </pre>
 *
 * Do not put rate-limit measurements (ping floods) in a matrix: they would share the bucket.
 */
public final class ProbeMatrix {

  private static final int THREADS = 8;
  private final Map<String, Supplier<?>> cases = new LinkedHashMap<>();

  /** A TCP connect case labelled {@code "<from role> -> tcp <addr> <port>"}. */
  public ProbeMatrix tcp(Netns from, String addr, int port) {
    return add(from.role() + " -> tcp " + addr + " " + port, () -> Probe.tcpConnect(from, addr, port));
  }

  /** A UDP case labelled {@code "<from role> -> udp <addr> <port>"}. */
  public ProbeMatrix udp(Netns from, String addr, int port) {
    return add(from.role() + " -> udp " + addr + " " + port, () -> Probe.udp(from, addr, port));
  }

  /** Any case; its result's {@code toString()} goes into the table. Labels must be unique. */
  public ProbeMatrix add(String label, Supplier<?> probe) {
    if (cases.putIfAbsent(label, probe) != null) {
      throw new IllegalArgumentException("duplicate case '" + label + "'");
    }
    return this;
  }

  /** Runs every case (up to eight at a time) and returns label → result in insertion order. */
  public Map<String, Object> run() {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, cases.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Supplier<?> s : cases.values()) {
        futures.add(pool.submit(s::get));
      }
      Map<String, Object> results = new LinkedHashMap<>();
      int i = 0;
      for (String label : cases.keySet()) {
        results.put(label, futures.get(i++).get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("probe failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs every case and renders {@code label : result} lines, labels padded to one width. */
  public String table() {
    Map<String, Object> results = run();
    int width = results.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    results.forEach((label, r) -> sb.append(label).append(" ".repeat(width - label.length()))
        .append(" : ").append(r).append('\n'));
    return sb.toString();
  }
}
