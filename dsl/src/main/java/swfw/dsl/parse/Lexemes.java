package swfw.dsl.parse;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A lexer read token by token without a token object each: the type {@link #scan} returns, and the
 * place of that token. {@link PolicyParser} lexes a whole policy through it into a {@link TokenTable}.
 */
interface Lexemes {
  /** Moves to the next token and returns its type; {@link Token#EOF} at the end, again and again. */
  int scan();

  /** Index of the token's first character in the text (in code points, as ANTLR's streams count). */
  int start();

  /** Index of the token's last character. */
  int stop();

  /** 1-based line of the token's first character. */
  int line();

  /** 0-based column of the token's first character. */
  int column();

  /** The lexer, as the tokens made from the table name their source. */
  TokenSource source();

  /** Any ANTLR token source (the generated lexer), read through its tokens. */
  static Lexemes of(TokenSource lexer) {
    return lexer instanceof Scanner scanner ? scanner : new Lexemes() {
      private Token token;

      @Override
      public int scan() {
        token = lexer.nextToken();
        return token.getType();
      }

      @Override
      public int start() {
        return token.getStartIndex();
      }

      @Override
      public int stop() {
        return token.getStopIndex();
      }

      @Override
      public int line() {
        return token.getLine();
      }

      @Override
      public int column() {
        return token.getCharPositionInLine();
      }

      @Override
      public TokenSource source() {
        return lexer;
      }
    };
  }
}
