package swfw.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import swfw.runtime.push.HostResult;

/** The summary of a push: a table for people, JSON for machines. */
final class PushReport {
  private PushReport() {}

  static String table(List<HostResult> results) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"HOST", "ROLE", "ADDRESS", "RESULT", "CHANGES", "TIME"});
    for (HostResult r : results) {
      rows.add(new String[] {r.host().name(), r.host().role(), r.host().address(),
          r.outcome().text() + (r.swarmProblem().isPresent() ? ", node still drained" : ""),
          r.added() + r.removed() == 0 ? "-" : "+" + r.added() + " -" + r.removed(), seconds(r) + "s"});
    }
    int[] width = new int[6];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", row[i]));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    long failed = results.stream().filter(HostResult::failed).count();
    b.append(results.size()).append(" host(s): ").append(failed == 0 ? "all ok" : failed + " failed").append('\n');
    return b.toString();
  }

  static String json(List<HostResult> results, boolean dryRun) {
    StringBuilder b = new StringBuilder("{\"dryRun\": ").append(dryRun).append(", \"failed\": ")
        .append(results.stream().filter(HostResult::failed).count()).append(", \"hosts\": [");
    for (int i = 0; i < results.size(); i++) {
      HostResult r = results.get(i);
      b.append(i == 0 ? "\n  " : ",\n  ").append("{\"host\": ").append(quote(r.host().name()))
          .append(", \"role\": ").append(quote(r.host().role()))
          .append(", \"address\": ").append(quote(r.host().address()))
          .append(", \"result\": ").append(quote(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')))
          .append(", \"failed\": ").append(r.failed())
          .append(", \"added\": ").append(r.added())
          .append(", \"removed\": ").append(r.removed())
          .append(", \"seconds\": ").append(seconds(r))
          .append(", \"message\": ").append(quote(r.message()))
          .append(", \"swarmProblem\": ").append(r.swarmProblem().map(PushReport::quote).orElse("null"))
          .append('}');
    }
    return b.append(results.isEmpty() ? "]}\n" : "\n]}\n").toString();
  }

  private static String seconds(HostResult r) {
    return String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
