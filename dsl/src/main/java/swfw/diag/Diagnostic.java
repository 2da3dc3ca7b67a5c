package swfw.diag;

import java.util.List;

/**
 * One finding about a policy. Messages start lowercase, quote user text with '…' and have no
 * trailing period; hints go in {@code notes}, rendered as {@code = help: …}.
 */
public record Diagnostic(Severity severity, String code, String message, Span span, List<String> notes) {
  public Diagnostic {
    notes = List.copyOf(notes);
  }

  public static Diagnostic error(String code, Span span, String message, String... notes) {
    return new Diagnostic(Severity.ERROR, code, message, span, List.of(notes));
  }

  public static Diagnostic warning(String code, Span span, String message, String... notes) {
    return new Diagnostic(Severity.WARNING, code, message, span, List.of(notes));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
