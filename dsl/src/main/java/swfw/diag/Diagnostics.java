package swfw.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics of a run, up to a bound, after which one "too many errors" note is kept. */
public final class Diagnostics {
  public static final int MAX_ERRORS = 100;

  private final List<Diagnostic> all = new ArrayList<>();
  /** Every error and warning reported, kept or not: passes compare counts to see whether they found errors. */
  private int errors;
  private int warnings;
  private int keptErrors;
  private boolean truncated;

  public void report(Diagnostic d) {
    if (d.isError()) {
      errors++;
      if (keptErrors >= MAX_ERRORS) {
        truncated = true;
        return;
      }
      keptErrors++;
    } else {
      warnings++;
      if (all.size() >= MAX_ERRORS * 2) {
        truncated = true;
        return;
      }
    }
    all.add(d);
  }

  public void error(String code, Span span, String message, String... notes) {
    report(Diagnostic.error(code, span, message, notes));
  }

  public void warning(String code, Span span, String message, String... notes) {
    report(Diagnostic.warning(code, span, message, notes));
  }

  public void addAll(Diagnostics other) {
    other.all.forEach(this::report);
    errors += other.errors - other.keptErrors;
    warnings += other.warnings - (other.all.size() - other.keptErrors);
    truncated |= other.truncated;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  /** Errors reported, including any dropped past {@link #MAX_ERRORS}. */
  public int errorCount() {
    return errors;
  }

  /** Warnings reported, including any dropped. */
  public int warningCount() {
    return warnings;
  }

  /** True when diagnostics were dropped past {@link #MAX_ERRORS}. */
  public boolean truncated() {
    return truncated;
  }

  /** In source order (file, line, column), stable for equal positions. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all);
    copy.sort(SOURCE_ORDER);
    return copy;
  }

  /**
   * File, line, column. A class, not {@code Comparator.comparing(...)}: those lambdas are spun at run
   * time on every start (the start-up archive does not hold them), which costs a clean run more than
   * its checks.
   */
  public static final Comparator<Diagnostic> SOURCE_ORDER = new Comparator<>() {
    @Override
    public int compare(Diagnostic a, Diagnostic b) {
      int byFile = a.span().file().toString().compareTo(b.span().file().toString());
      if (byFile != 0) {
        return byFile;
      }
      int byLine = Integer.compare(a.span().line(), b.span().line());
      return byLine != 0 ? byLine : Integer.compare(a.span().column(), b.span().column());
    }
  };
}
