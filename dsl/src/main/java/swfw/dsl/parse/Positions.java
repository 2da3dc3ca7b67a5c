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
    int length = t.getType() == Token.EOF ? 1 : Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    return new Span(file, Math.max(1, t.getLine()), t.getCharPositionInLine() + 1, length);
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

  Span of(ParserRuleContext ctx) {
    Span start = of(ctx.getStart());
    Token stop = ctx.getStop();
    if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
      return start;
    }
    return start.to(of(stop));
  }
}
