package swfw.diag;

import java.nio.file.Path;

/** A place in a source file: 1-based line and column, length in characters (at least 1 for carets). */
public record Span(Path file, int line, int column, int length) {
  public static Span of(Path file, int line, int column, int length) {
    return new Span(file, line, column, length);
  }

  /** The file as a whole (it cannot be read, or it is not text): rendered without a line. */
  public static Span wholeFile(Path file) {
    return new Span(file, 0, 0, 1);
  }

  /** The span from the start of this one to the end of {@code end}, when both are on one line. */
  public Span to(Span end) {
    if (end.line != line || end.column < column) {
      return this;
    }
    return new Span(file, line, column, end.column + end.length - column);
  }

  /** {@code cluster.swfw:12}, as generated rules quote it. */
  public String shortLocation() {
    return file.getFileName() + ":" + line;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  // Written out rather than generated: a record's equals and hashCode are bootstrapped through
  // invokedynamic, about 10 ms on the first call, and every swfw run makes one.
  @Override
  public boolean equals(Object o) {
    return o instanceof Span s && line == s.line && column == s.column && length == s.length && file.equals(s.file);
  }

  @Override
  public int hashCode() {
    return ((file.hashCode() * 31 + line) * 31 + column) * 31 + length;
  }
}
