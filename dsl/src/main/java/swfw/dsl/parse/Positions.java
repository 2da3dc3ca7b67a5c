package swfw.dsl.parse;

import java.nio.file.Path;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import swfw.diag.Span;

/** The one place that turns ANTLR positions into spans: ANTLR columns are 0-based, ours 1-based. */
final class Positions {
  private final Path file;

  Positions(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  Span of(Token t) {
    return new Span(file, Math.max(1, t.getLine()), t.getCharPositionInLine() + 1, length(t));
  }

  /** One character of a token's text, {@code offset} characters in (tokens never span lines). */
  Span at(Token t, int offset) {
    Span s = of(t);
    return new Span(file, s.line(), s.column() + offset, 1);
  }

  /** The column just after {@code t}: where a missing ';' belongs. */
  Span after(Token t) {
    Span s = of(t);
    return new Span(file, s.line(), s.column() + s.length(), 1);
  }

  /** From the first token to the last when both are on one line, else the first token only. */
  Span of(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int line = Math.max(1, start.getLine());
    int column = start.getCharPositionInLine() + 1;
    if (stop == null || stop.getTokenIndex() < start.getTokenIndex()
        || Math.max(1, stop.getLine()) != line || stop.getCharPositionInLine() + 1 < column) {
      return new Span(file, line, column, length(start));
    }
    return new Span(file, line, column, stop.getCharPositionInLine() + 1 + length(stop) - column);
  }

  private static int length(Token t) {
    return t.getType() == Token.EOF ? 1 : Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
  }
}
