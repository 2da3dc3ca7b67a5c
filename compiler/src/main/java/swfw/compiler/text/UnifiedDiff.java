package swfw.compiler.text;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (Myers' algorithm), as diff -u prints it, for {@code compile --check} and {@code plan}. */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Beyond this many differences the edit script is not worth computing: say the files differ. */
  private static final int MAX_EDITS = 4000;

  private UnifiedDiff() {}

  /** Empty when equal. */
  public static String diff(String fromName, String toName, String a, String b) {
    if (a.equals(b)) {
      return "";
    }
    List<String> x = lines(a);
    List<String> y = lines(b);
    List<int[]> script = editScript(x, y);
    StringBuilder out = new StringBuilder().append("--- ").append(fromName).append('\n')
        .append("+++ ").append(toName).append('\n');
    if (script == null) {
      return out.append("@@ too many differences to show: ").append(x.size()).append(" lines against ")
          .append(y.size()).append(" @@\n").toString();
    }
    hunks(x, y, script, out);
    return out.toString();
  }

  static List<String> lines(String s) {
    List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Edit script as (op, xIndex, yIndex): op 0 keep, -1 delete x[i], +1 insert y[j]; null if too long. */
  private static List<int[]> editScript(List<String> x, List<String> y) {
    int n = x.size();
    int m = y.size();
    int max = Math.min(n + m, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int i = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int j = i - k;
        while (i < n && j < m && x.get(i).equals(y.get(j))) {
          i++;
          j++;
        }
        v[offset + k] = i;
        if (i >= n && j >= m) {
          return backtrack(trace, x.size(), y.size(), offset, d);
        }
      }
    }
    return null;
  }

  private static List<int[]> backtrack(List<int[]> trace, int n, int m, int offset, int dFinal) {
    List<int[]> script = new ArrayList<>();
    int i = n;
    int j = m;
    for (int d = dFinal; d > 0; d--) {
      int[] v = trace.get(d);
      int k = i - j;
      int prevK = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? k + 1 : k - 1;
      int prevI = v[offset + prevK];
      int prevJ = prevI - prevK;
      while (i > prevI && j > prevJ) {
        script.add(new int[] {0, --i, --j});
      }
      if (i == prevI) {
        script.add(new int[] {1, i, --j});
      } else {
        script.add(new int[] {-1, --i, j});
      }
    }
    while (i > 0 && j > 0) {
      script.add(new int[] {0, --i, --j});
    }
    java.util.Collections.reverse(script);
    return script;
  }

  private static void hunks(List<String> x, List<String> y, List<int[]> script, StringBuilder out) {
    int idx = 0;
    while (idx < script.size()) {
      while (idx < script.size() && script.get(idx)[0] == 0) {
        idx++;
      }
      if (idx >= script.size()) {
        return;
      }
      int start = Math.max(0, idx - CONTEXT);
      int end = idx;
      int lastChange = idx;
      while (end < script.size()) {
        if (script.get(end)[0] != 0) {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(script.size(), lastChange + CONTEXT + 1);
      emit(x, y, script.subList(start, end), out);
      idx = end;
    }
  }

  private static void emit(List<String> x, List<String> y, List<int[]> ops, StringBuilder out) {
    int xStart = -1;
    int yStart = -1;
    int xCount = 0;
    int yCount = 0;
    StringBuilder body = new StringBuilder();
    for (int[] op : ops) {
      if (xStart < 0) {
        xStart = op[1];
        yStart = op[2];
      }
      if (op[0] == 0) {
        body.append(' ').append(x.get(op[1])).append('\n');
        xCount++;
        yCount++;
      } else if (op[0] < 0) {
        body.append('-').append(x.get(op[1])).append('\n');
        xCount++;
      } else {
        body.append('+').append(y.get(op[2])).append('\n');
        yCount++;
      }
    }
    out.append("@@ -").append(range(xStart, xCount)).append(" +").append(range(yStart, yCount)).append(" @@\n")
        .append(body);
  }

  private static String range(int start, int count) {
    return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
  }
}
