package swfw.diag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders diagnostics javac-style: a header, the source line in a gutter, and a caret under the
 * span. Tabs in the source are copied into the caret line so the caret stays aligned.
 */
public final class DiagnosticRenderer {
  private static final int MAX_SHOWN_LINE = 200;

  private final Function<java.nio.file.Path, SourceFile> sources;
  private final Map<java.nio.file.Path, List<String>> lineCache = new HashMap<>();

  public DiagnosticRenderer(Function<java.nio.file.Path, SourceFile> sources) {
    this.sources = sources;
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    Span s = d.span();
    out.append(s.file());
    if (s.line() >= 1) {
      out.append(':').append(s.line()).append(':').append(s.column());
    }
    out.append(": ")
        .append(d.severity().label()).append('[').append(d.code()).append("]: ")
        .append(d.message()).append('\n');
    String line = sourceLine(s);
    String gutter = Integer.toString(s.line());
    String pad = " ".repeat(gutter.length());
    if (line != null) {
      out.append(' ').append(gutter).append(" | ").append(printable(line)).append('\n');
      out.append(' ').append(pad).append(" | ").append(caret(line, s)).append('\n');
    }
    for (String note : d.notes()) {
      // A note names a place ("note: first defined at …"); every other note is a hint.
      out.append(' ').append(pad).append(" = ").append(note.startsWith("note: ") ? note : "help: " + note).append('\n');
    }
    return out.toString();
  }

  public String renderAll(List<Diagnostic> all) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : all) {
      out.append(render(d));
    }
    return out.toString();
  }

  private String sourceLine(Span s) {
    if (s.line() < 1) {
      return null;
    }
    List<String> lines = lineCache.computeIfAbsent(s.file(), f -> {
      SourceFile src = sources.apply(f);
      return src == null ? List.of() : src.lines();
    });
    if (s.line() > lines.size()) {
      return null;
    }
    String line = lines.get(s.line() - 1);
    return line.length() > MAX_SHOWN_LINE ? line.substring(0, MAX_SHOWN_LINE) : line;
  }

  /** Control characters would garble a terminal: show them as '?'. */
  private static String printable(String line) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      b.append(c == '\t' || (c >= ' ' && c != 0x7f && c != 0xfffd) ? c : '?');
    }
    return b.toString();
  }

  private static String caret(String line, Span s) {
    StringBuilder b = new StringBuilder();
    int start = Math.min(s.column() - 1, line.length());
    for (int i = 0; i < start; i++) {
      b.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    int len = Math.max(1, Math.min(s.length(), Math.max(1, line.length() - start)));
    b.append('^');
    b.append("~".repeat(len - 1));
    return b.toString();
  }
}
