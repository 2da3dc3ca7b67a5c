package swfw.dsl.parse;

import org.antlr.v4.runtime.Token;
import swfw.dsl.TwoThreads;
import swfw.grammar.SwfwLexer;

/**
 * Lexes a big text in two halves at once, cut after a line break near the middle: no token goes on
 * across a line break, so the two halves' tokens are those of the whole text. Only for text with nothing
 * the lexer reports: a half that meets a bad character or an unterminated string gives up, and the
 * caller lexes the text as a whole, which reports them in order and with their places.
 *
 * <p>Why: after statements are parsed by shape ({@link Shapes}), lexing is the largest piece of the front
 * end that ran on one thread, and the machines swfw runs on in CI have two cores.
 */
final class SplitLexer {
  /** Characters below which a second thread costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 1 << 18;

  private SplitLexer() {}

  /** The tokens the parser sees, or null: the text is short, needs the generated lexer, or holds an error. */
  static TokenTable lex(String text) {
    // U+FFFD is what undecodable bytes became: reported wherever it is, in a string or not.
    if (text.length() < PARALLEL_THRESHOLD || text.indexOf('\ufffd') >= 0 || Scanner.hasSurrogates(text)) {
      return null;
    }
    int cut = text.indexOf('\n', text.length() / 2) + 1;
    if (cut == 0) {
      return null;
    }
    Scanner first = Scanner.piece(text, 0, cut);
    Scanner second = Scanner.piece(text, cut, text.length());
    // The first half's table has room for both: the second is appended without growing it.
    TwoThreads.Both<TokenTable, TokenTable> halves = TwoThreads.run("swfw-lex",
        () -> lex(first, text, text.length() / 6), () -> lex(second, text, (text.length() - cut) / 6));
    if (halves.here() == null || halves.there() == null) {
      return null;
    }
    halves.here().append(halves.there(), first.getLine() - 1);
    return halves.here();
  }

  /** The parser's tokens of one half, or null at the first token the lexer would report. */
  private static TokenTable lex(Scanner scanner, String text, int expectedTokens) {
    TokenTable tokens = new TokenTable(scanner, text, expectedTokens);
    for (int type = scanner.scan(); ; type = scanner.scan()) {
      if (type == SwfwLexer.ERROR_CHAR || type == SwfwLexer.UNTERMINATED_STRING) {
        return null;
      }
      if (type == SwfwLexer.COMMENT || type == SwfwLexer.NEWLINE || type == SwfwLexer.WS) {
        continue;
      }
      tokens.add(type, scanner.start(), scanner.stop(), scanner.line(), scanner.column());
      if (type == Token.EOF) {
        return tokens;
      }
    }
  }
}
