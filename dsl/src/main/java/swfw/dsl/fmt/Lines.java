package swfw.dsl.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * The formatted output as lines of code, each with an optional trailing comment. Trailing comments
 * of consecutive lines at one indentation are aligned in one column, as gofmt does, so comments a
 * user aligned by hand stay aligned.
 */
final class Lines {
  /** Spaces between the longest line of a run and its comment column. */
  private static final int COMMENT_GAP = 2;

  static final class Line {
    final int indent;
    final boolean blankBefore;
    final StringBuilder code = new StringBuilder();
    String comment;

    Line(int indent, boolean blankBefore) {
      this.indent = indent;
      this.blankBefore = blankBefore;
    }

    int width() {
      return indent + code.codePointCount(0, code.length());
    }
  }

  private final List<Line> lines = new ArrayList<>();

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Starts a new line; a blank line goes before it only when asked and when something came before. */
  Line start(int indent, boolean blankBefore) {
    Line line = new Line(indent, blankBefore && !lines.isEmpty());
    lines.add(line);
    return line;
  }

  Line current() {
    return lines.get(lines.size() - 1);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    for (int i = 0, end; i < lines.size(); i = end) {
      end = i + 1;
      if (hasTrailingComment(lines.get(i))) {
        while (end < lines.size() && continuesRun(lines.get(i), lines.get(end))) {
          end++;
        }
      }
      renderRun(i, end, out);
    }
    return out.toString();
  }

  /** A run of aligned comments is consecutive lines of one indentation, each with a trailing comment. */
  private static boolean continuesRun(Line first, Line line) {
    return hasTrailingComment(line) && !line.blankBefore && line.indent == first.indent;
  }

  private static boolean hasTrailingComment(Line line) {
    return line.comment != null && line.code.length() > 0;
  }

  /** Lines {@code from} (inclusive) to {@code to} (exclusive) all carry trailing comments: align them. */
  private void renderRun(int from, int to, StringBuilder out) {
    int column = 0;
    for (int i = from; i < to; i++) {
      column = Math.max(column, lines.get(i).width() + COMMENT_GAP);
    }
    for (int i = from; i < to; i++) {
      render(lines.get(i), column, out);
    }
  }

  private static void render(Line line, int commentColumn, StringBuilder out) {
    if (line.blankBefore) {
      out.append('\n');
    }
    out.append(" ".repeat(line.indent)).append(line.code);
    if (line.comment != null) {
      if (line.code.length() > 0) {
        out.append(" ".repeat(commentColumn - line.width()));
      }
      out.append(line.comment);
    }
    out.append('\n');
  }
}
