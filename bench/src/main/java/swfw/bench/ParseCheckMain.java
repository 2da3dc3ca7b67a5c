package swfw.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParseCheckBench} with JMH's usual command-line options and prints, per benchmark,
 * the median iteration time and the throughput in MB/s of policy text.
 */
public final class ParseCheckMain {
  private ParseCheckMain() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
        .include(ParseCheckBench.class.getName()).build()).run();
    System.out.println();
    for (RunResult r : results) {
      int lines = Integer.parseInt(r.getParams().getParam("lines"));
      double bytes = PolicyFixture.generate(lines, 42).getBytes(StandardCharsets.UTF_8).length;
      double medianMs = r.getPrimaryResult().getStatistics().getPercentile(50);
      System.out.printf(Locale.ROOT, "%-14s %,d lines (%.1f MB): median %.0f ms, %.1f MB/s, %.0f ms per 100k lines%n",
          r.getParams().getBenchmark().replaceAll(".*\\.", ""), lines, bytes / 1e6, medianMs,
          bytes / 1e6 / (medianMs / 1000), medianMs * 100_000 / lines);
    }
  }
}
