package swfw.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.SourceFile;

/**
 * The expectations a corpus file states about itself: {@code # error: SW2002} on the line above
 * the culprit (several stacked comments name several diagnostics of that line), or, where no line
 * above exists, {@code # [line 1] warning: SW0007} (as jlox's tests do). Text after the code must
 * occur in the message.
 */
final class InlineExpectations {
  private static final Pattern COMMENT = Pattern.compile(
      "^\\s*#\\s*(?:\\[line (\\d+)]\\s*)?(error|warning):\\s*(SW\\d{4})(?:\\s+(.*?))?\\s*$");

  /** One expected diagnostic; {@code text} is empty when the comment gives none. */
  record Expected(Path file, int line, Severity severity, String code, String text) implements Comparable<Expected> {
    static Expected of(Diagnostic d) {
      return new Expected(d.span().file(), d.span().line(), d.severity(), d.code(), "");
    }

    Expected withoutText() {
      return new Expected(file, line, severity, code, "");
    }

    @Override
    public int compareTo(Expected o) {
      int c = file.toString().compareTo(o.file.toString());
      c = c != 0 ? c : Integer.compare(line, o.line);
      c = c != 0 ? c : code.compareTo(o.code);
      return c != 0 ? c : severity.compareTo(o.severity);
    }

    @Override
    public String toString() {
      return file.getFileName() + ":" + line + ": " + severity.label() + "[" + code + "]";
    }
  }

  private InlineExpectations() {}

  static List<Expected> of(SourceFile source) {
    List<String> lines = source.lines();
    List<Expected> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = COMMENT.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int line = m.group(1) != null ? Integer.parseInt(m.group(1)) : targetLine(lines, i);
      Severity severity = m.group(2).equals("error") ? Severity.ERROR : Severity.WARNING;
      out.add(new Expected(source.path(), line, severity, m.group(3), m.group(4) == null ? "" : m.group(4)));
    }
    return out;
  }

  /** The 1-based number of the first line after {@code index} that is not itself an expectation. */
  private static int targetLine(List<String> lines, int index) {
    int i = index + 1;
    while (i < lines.size() && COMMENT.matcher(lines.get(i)).matches() && !lines.get(i).contains("[line ")) {
      i++;
    }
    return i + 1;
  }
}
