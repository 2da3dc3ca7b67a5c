package swfw.dsl.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens the parser sees (its channel only, ending with EOF), packed in one array of ints rather
 * than an object each. Why: a big policy has hundreds of thousands of them, and as objects they were
 * the largest thing the front end held while parsing, copied by every young collection. Statements of
 * a shape seen before read them from here ({@link Shapes}); the whole-text parse, which reports syntax
 * errors, gets them as ANTLR tokens ({@link #tokens}).
 */
final class TokenTable {
  private static final int TYPE = 0;
  private static final int START = 1;
  private static final int STOP = 2;
  private static final int LINE = 3;
  private static final int COLUMN = 4;
  private static final int FIELDS = 5;

  private final Pair<TokenSource, CharStream> source;
  private final String text;
  private int[] fields;
  private int size;

  /** For the tokens {@code source} reads from {@code text}. */
  TokenTable(TokenSource source, String text, int expectedTokens) {
    this.source = new Pair<>(source, source.getInputStream());
    // The scanner's indexes are indexes into the String; the generated lexer's (text with surrogate pairs) count code points.
    this.text = source instanceof Scanner ? text : null;
    this.fields = new int[Math.max(16, expectedTokens) * FIELDS];
  }

  void add(int type, int start, int stop, int line, int column) {
    if ((size + 1) * FIELDS > fields.length) {
      fields = Arrays.copyOf(fields, fields.length * 2);
    }
    int at = size * FIELDS;
    fields[at + TYPE] = type;
    fields[at + START] = start;
    fields[at + STOP] = stop;
    fields[at + LINE] = line;
    fields[at + COLUMN] = column;
    size++;
  }

  /**
   * Appends the tokens of {@code next}, lexed from the text just after this table's last token, in
   * place of this table's EOF; their lines move down by {@code lines}.
   */
  void append(TokenTable next, int lines) {
    size--;
    for (int i = 0; i < next.size; i++) {
      add(next.type(i), next.start(i), next.stop(i), next.line(i) + lines, next.column(i));
    }
  }

  int size() {
    return size;
  }

  int type(int i) {
    return fields[i * FIELDS + TYPE];
  }

  int start(int i) {
    return fields[i * FIELDS + START];
  }

  int stop(int i) {
    return fields[i * FIELDS + STOP];
  }

  int line(int i) {
    return fields[i * FIELDS + LINE];
  }

  int column(int i) {
    return fields[i * FIELDS + COLUMN];
  }

  /** The token's text, as {@link CommonToken#getText} reads it from the input. */
  String text(int i) {
    int start = start(i);
    int stop = stop(i);
    CharStream input = source.b;
    int n = input.size();
    if (start >= n || stop >= n) {
      return "<EOF>";
    }
    // Without an Interval and the stream's bounds checks: this is every name and number of a big policy.
    return text != null ? text.substring(start, stop + 1) : input.getText(Interval.of(start, stop));
  }

  Pair<TokenSource, CharStream> source() {
    return source;
  }

  /** Token {@code i} as an ANTLR token, its index {@code i}. */
  CommonToken token(int i) {
    CommonToken t = new CommonToken(source, type(i), Token.DEFAULT_CHANNEL, start(i), stop(i));
    t.setLine(line(i));
    t.setCharPositionInLine(column(i));
    t.setTokenIndex(i);
    return t;
  }

  /** Every token as an ANTLR token. */
  List<Token> tokens() {
    List<Token> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(token(i));
    }
    return out;
  }
}
