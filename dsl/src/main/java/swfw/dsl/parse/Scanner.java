package swfw.dsl.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;
import swfw.grammar.SwfwLexer;

/**
 * The lexer rules of {@code Swfw.g4}, written out by hand: the same tokens as the generated
 * {@link SwfwLexer} (type, channel, indexes, line, column), which stays the specification and is
 * compared with this class on every corpus file and on random text by {@code ScannerTest}.
 *
 * <p>Why: the generated lexer interprets its ATN and builds its DFA while it runs, which costs more
 * than anything else in a short run (its start-up) and a tenth of a big one. This scanner needs no
 * set-up and looks at each character once or twice.
 *
 * <p>It follows ANTLR's rules for choosing a token: the longest match wins, and of two matches of the
 * same length the rule listed first in the grammar (so keywords win over {@code NAME}). Indexes count
 * code points like ANTLR's streams, so text with characters outside the Basic Multilingual Plane is
 * handed to the generated lexer instead ({@link #of}); lines advance at {@code '\n'} only, as in ANTLR.
 */
public final class Scanner implements TokenSource, Lexemes {
  private final String text;
  private final CharStream input;
  private final Pair<TokenSource, CharStream> source;
  private TokenFactory<?> factory = CommonTokenFactory.DEFAULT;
  /** Where this scanner's part of the text ends: the whole text, or a piece cut after a line break. */
  private final int end;
  private int pos;
  private int line = 1;
  private int column;
  /** Where the token {@link #scan} found last starts; it ends before {@link #pos}. */
  private int tokenStart;
  private int tokenLine;
  private int tokenColumn;

  private Scanner(String text, int from, int end) {
    this.text = text;
    this.input = new TextCharStream(text);
    this.source = new Pair<>(this, input);
    this.pos = from;
    this.end = end;
  }

  /**
   * A scanner of {@code text[from, end)}, lines counted from 1 at {@code from}: each end falls just after
   * a {@code '\n'} (or at the text's ends), where no token goes on across, so the tokens are those of
   * the whole text. For a text without characters outside the Basic Multilingual Plane.
   */
  static Scanner piece(String text, int from, int end) {
    return new Scanner(text, from, end);
  }

  /** A token source for {@code text}: this scanner, or the generated lexer for text it does not take. */
  public static TokenSource of(String text) {
    if (hasSurrogates(text)) {
      SwfwLexer lexer = new SwfwLexer(CharStreams.fromString(text));
      lexer.removeErrorListeners();
      return lexer;
    }
    return new Scanner(text, 0, text.length());
  }

  static boolean hasSurrogates(String text) {
    // Free for the usual Latin-1 text, which the JDK stores a byte a character and never holds a pair.
    return text.codePointCount(0, text.length()) != text.length();
  }

  @Override
  public Token nextToken() {
    int type = scan();
    int channel = type == SwfwLexer.COMMENT || type == SwfwLexer.NEWLINE || type == SwfwLexer.WS
        ? Token.HIDDEN_CHANNEL : Token.DEFAULT_CHANNEL;
    return factory.create(source, type, null, channel, tokenStart, pos - 1, tokenLine, tokenColumn);
  }

  @Override
  public int scan() {
    tokenStart = pos;
    tokenLine = line;
    tokenColumn = column;
    if (pos >= end) {
      return Token.EOF;
    }
    int type = longestMatch();
    // Only a line break holds a '\n' (strings and comments stop before one); a lone '\r' is a column, as in ANTLR.
    if (type == SwfwLexer.NEWLINE && text.charAt(pos - 1) == '\n') {
      line++;
      column = 0;
    } else {
      column += pos - tokenStart;
    }
    return type;
  }

  @Override
  public int start() {
    return tokenStart;
  }

  @Override
  public int stop() {
    return pos - 1;
  }

  @Override
  public int line() {
    return tokenLine;
  }

  @Override
  public int column() {
    return tokenColumn;
  }

  @Override
  public TokenSource source() {
    return this;
  }

  /** Picks the token at {@link #pos} and moves past it; returns its type. */
  private int longestMatch() {
    char c = text.charAt(pos);
    int type;
    int length;
    switch (c) {
      case ';' -> { type = SwfwLexer.SEMI; length = 1; }
      case '{' -> { type = SwfwLexer.LBRACE; length = 1; }
      case '}' -> { type = SwfwLexer.RBRACE; length = 1; }
      case ',' -> { type = SwfwLexer.COMMA; length = 1; }
      case '=' -> { type = SwfwLexer.EQUALS; length = 1; }
      case '-' -> { type = SwfwLexer.DASH; length = 1; }
      case '/' -> { type = SwfwLexer.SLASH; length = 1; }
      case '"' -> {
        int closing = stringEnd(pos);
        boolean terminated = closing < text.length() && text.charAt(closing) == '"';
        type = terminated ? SwfwLexer.STRING : SwfwLexer.UNTERMINATED_STRING;
        length = closing - pos + (terminated ? 1 : 0);
      }
      case '#' -> { type = SwfwLexer.COMMENT; length = lineEnd(pos) - pos; }
      case '\n' -> { type = SwfwLexer.NEWLINE; length = 1; }
      case '\r' -> { type = SwfwLexer.NEWLINE; length = pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1; }
      case ' ', '\t', '\f' -> { type = SwfwLexer.WS; length = whiteSpaceEnd(pos) - pos; }
      default -> {
        // Words, numbers and addresses share their first characters: measure each and keep the longest;
        // a tie keeps the rule listed first (ADDR6, ADDR4, INT, NAME; keywords before all of them).
        // Each measured only where its first character fits: most words are names, most numbers ports.
        int addr6 = isHex(c) || c == ':' ? addr6End(pos) - pos : 0;
        int addr4 = isDigit(c) ? addr4End(pos) - pos : 0;
        int integer = isDigit(c) ? digitsEnd(pos) - pos : 0;
        int name = nameEnd(pos) - pos;
        type = SwfwLexer.ERROR_CHAR;
        length = 0;
        if (addr6 > length) { type = SwfwLexer.ADDR6; length = addr6; }
        if (addr4 > length) { type = SwfwLexer.ADDR4; length = addr4; }
        if (integer > length) { type = SwfwLexer.INT; length = integer; }
        if (name > length) { type = keyword(pos, name); length = name; }
        length = Math.max(length, 1);
      }
    }
    pos += length;
    return type;
  }

  /** Where {@code '"' ( '\\' ~[\r\n] | ~["\\\r\n] )*} ends: at the closing quote, or where the string breaks off. */
  private int stringEnd(int from) {
    int i = from + 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '\r' || c == '\n') {
        return i;
      }
      if (c == '\\') {
        if (i + 1 >= n || text.charAt(i + 1) == '\r' || text.charAt(i + 1) == '\n') {
          return i;
        }
        i += 2;
      } else {
        i++;
      }
    }
    return i;
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private int whiteSpaceEnd(int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }

  /** {@code HEX* ':' [0-9a-fA-F:.]* ('/' [0-9]+)?}, or {@code from} when it does not match. */
  private int addr6End(int from) {
    int i = from;
    while (i < text.length() && isHex(text.charAt(i))) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ':') {
      return from;
    }
    i++;
    while (i < text.length() && (isHex(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '.')) {
      i++;
    }
    return prefixLengthEnd(i);
  }

  /** {@code [0-9]+ '.' [0-9]+ '.' [0-9]+ '.' [0-9]+ ('/' [0-9]+)?}, or {@code from} when it does not match. */
  private int addr4End(int from) {
    int i = digitsEnd(from);
    for (int dot = 0; dot < 3; dot++) {
      if (i == from || i >= text.length() || text.charAt(i) != '.') {
        return from;
      }
      int next = digitsEnd(i + 1);
      if (next == i + 1) {
        return from;
      }
      i = next;
    }
    return i == from ? from : prefixLengthEnd(i);
  }

  /** Past an optional {@code '/' [0-9]+} at {@code i}. */
  private int prefixLengthEnd(int i) {
    if (i < text.length() && text.charAt(i) == '/') {
      int digits = digitsEnd(i + 1);
      if (digits > i + 1) {
        return digits;
      }
    }
    return i;
  }

  private int digitsEnd(int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code [a-zA-Z_] [a-zA-Z0-9_.\-]* '+'?}, or {@code from} when it does not match. */
  private int nameEnd(int from) {
    char first = text.charAt(from);
    if (!(isLetter(first) || first == '_')) {
      return from;
    }
    int i = from + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!(isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-')) {
        break;
      }
      i++;
    }
    return i < text.length() && text.charAt(i) == '+' ? i + 1 : i;
  }

  /** A keyword of the grammar and its token type. */
  private record Keyword(String word, int type) {}

  /** The grammar's keywords, by first letter. */
  private static final Keyword[][] KEYWORDS = byFirstLetter(
      new Keyword("let", SwfwLexer.LET), new Keyword("include", SwfwLexer.INCLUDE), new Keyword("node", SwfwLexer.NODE),
      new Keyword("host", SwfwLexer.HOST), new Keyword("public", SwfwLexer.PUBLIC), new Keyword("trust", SwfwLexer.TRUST),
      new Keyword("allow", SwfwLexer.ALLOW), new Keyword("deny", SwfwLexer.DENY), new Keyword("reject", SwfwLexer.REJECT),
      new Keyword("publish", SwfwLexer.PUBLISH), new Keyword("expect", SwfwLexer.EXPECT),
      new Keyword("accept", SwfwLexer.ACCEPT), new Keyword("drop", SwfwLexer.DROP), new Keyword("out", SwfwLexer.OUT),
      new Keyword("on", SwfwLexer.ON), new Keyword("from", SwfwLexer.FROM), new Keyword("to", SwfwLexer.TO),
      new Keyword("limit", SwfwLexer.LIMIT), new Keyword("burst", SwfwLexer.BURST), new Keyword("tcp", SwfwLexer.TCP),
      new Keyword("udp", SwfwLexer.UDP), new Keyword("icmp", SwfwLexer.ICMP), new Keyword("icmpv6", SwfwLexer.ICMPV6),
      new Keyword("any", SwfwLexer.ANY), new Keyword("role", SwfwLexer.ROLE), new Keyword("address", SwfwLexer.ADDRESS),
      new Keyword("user", SwfwLexer.USER), new Keyword("port", SwfwLexer.PORT), new Keyword("key", SwfwLexer.KEY),
      new Keyword("jump", SwfwLexer.JUMP), new Keyword("swarm", SwfwLexer.SWARM));

  private static Keyword[][] byFirstLetter(Keyword... keywords) {
    Keyword[][] out = new Keyword[128][0];
    for (Keyword k : keywords) {
      Keyword[] before = out[k.word().charAt(0)];
      out[k.word().charAt(0)] = java.util.Arrays.copyOf(before, before.length + 1);
      out[k.word().charAt(0)][before.length] = k;
    }
    return out;
  }

  /** The keyword spelled by the word of {@code length} characters at {@code from}, or NAME. */
  private int keyword(int from, int length) {
    char first = text.charAt(from);
    if (first < 128) {
      for (Keyword k : KEYWORDS[first]) {
        if (k.word().length() == length && text.startsWith(k.word(), from)) {
          return k.type();
        }
      }
    }
    return SwfwLexer.NAME;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getCharPositionInLine() {
    return column;
  }

  @Override
  public CharStream getInputStream() {
    return input;
  }

  @Override
  public String getSourceName() {
    return input.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    this.factory = factory;
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return factory;
  }
}
