package swfw.dsl.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import swfw.diag.Diagnostics;
import swfw.dsl.ast.Program;
import swfw.dsl.ast.Stmt;
import swfw.grammar.SwfwLexer;
import swfw.grammar.SwfwParser;

/**
 * Parses one policy text. Syntax errors become diagnostics (all of them, recovering as it goes);
 * an AST is only built from a text without any.
 */
public final class PolicyParser {
  public static final String CODE_BAD_CHAR = "SW0005";
  public static final String CODE_UNTERMINATED = "SW0006";
  public static final String CODE_NOT_TEXT = "SW0008";

  private PolicyParser() {}

  /** Returns the program, or empty when {@code diagnostics} received syntax errors. */
  public static Optional<Program> parse(Path file, String text, Diagnostics diagnostics) {
    return parse(file, text, diagnostics, false);
  }

  /** With {@code wholeText}, never statement by statement ({@link StatementParser}): tests compare the two. */
  static Optional<Program> parse(Path file, String text, Diagnostics diagnostics, boolean wholeText) {
    Positions positions = new Positions(file);
    Lexed lexed = lex(text, positions, diagnostics);
    Optional<List<Stmt>> statements = parseTokens(lexed, positions, diagnostics, wholeText);
    if (lexed.failed() || statements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Program(file, statements.get()));
  }

  /** The tokens the parser sees, lexical errors dropped without a report: for tests. */
  static TokenTable parserTokens(String text) {
    return lex(text, new Positions(Path.of("")), new Diagnostics()).tokens();
  }

  /** The lexer's tokens, all channels, with lexical errors reported and their tokens hidden. */
  public static List<Token> tokens(String text) {
    TokenSource lexer = Scanner.of(text);
    List<Token> out = new ArrayList<>(text.length() / 4 + 16);
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      out.add(t);
      if (t.getType() == Token.EOF) {
        return out;
      }
    }
  }

  /**
   * The tokens the parser sees, whether the lexer found errors, and which tokens were unterminated
   * strings (reported already, and turned into strings for the parser).
   */
  private record Lexed(TokenTable tokens, boolean failed, BitSet unterminated) {}

  /**
   * Reports lexical errors and keeps only the tokens on the parser's channel: white space and
   * comments are half of all tokens, and a big policy would otherwise hold them all while parsing. A big
   * text without lexical errors is lexed in two halves at once ({@link SplitLexer}).
   */
  private static Lexed lex(String text, Positions positions, Diagnostics diagnostics) {
    boolean binary = looksBinary(text);
    if (binary) {
      // No line is shown: a line of binary data would only garble the terminal.
      diagnostics.error(CODE_NOT_TEXT, swfw.diag.Span.wholeFile(positions.file()),
          "this is not a policy file: it holds binary data", "policy files are UTF-8 text");
    }
    TokenTable split = binary ? null : SplitLexer.lex(text);
    if (split != null) {
      return new Lexed(split, false, new BitSet());
    }
    String lexed = binary ? "" : text;
    Lexemes lexer = Lexemes.of(Scanner.of(lexed));
    TokenTable tokens = new TokenTable(lexer.source(), lexed, lexed.length() / 6);
    BitSet unterminated = new BitSet();
    boolean failed = binary;
    int runLine = -1;
    for (int type = lexer.scan(); ; type = lexer.scan()) {
      if (type == SwfwLexer.ERROR_CHAR) {
        // One diagnostic for a run of bad characters, not one per character.
        if (lexer.line() != runLine) {
          runLine = lexer.line();
          Token t = token(lexer, type);
          diagnostics.error(CODE_BAD_CHAR, positions.of(t), describe(t.getText()));
        }
        failed = true;
        continue;
      }
      if (type == SwfwLexer.COMMENT || type == SwfwLexer.NEWLINE || type == SwfwLexer.WS) {
        continue;
      }
      runLine = -1;
      if (type == SwfwLexer.STRING || type == SwfwLexer.UNTERMINATED_STRING) {
        failed |= checkString(token(lexer, type), positions, diagnostics);
      }
      if (type == SwfwLexer.UNTERMINATED_STRING) {
        unterminated.set(tokens.size());
        type = SwfwLexer.STRING;
      }
      tokens.add(type, lexer.start(), lexer.stop(), lexer.line(), lexer.column());
      if (type == Token.EOF) {
        return new Lexed(tokens, failed, unterminated);
      }
    }
  }

  /** The token {@code lexer} is at, as an ANTLR token: for the few that get a closer look. */
  private static Token token(Lexemes lexer, int type) {
    CommonToken t = new CommonToken(new Pair<>(lexer.source(), lexer.source().getInputStream()), type,
        Token.DEFAULT_CHANNEL, lexer.start(), lexer.stop());
    t.setLine(lexer.line());
    t.setCharPositionInLine(lexer.column());
    return t;
  }

  /** Reports undecodable bytes in a string and a string without its closing quote; true when it did. */
  private static boolean checkString(Token t, Positions positions, Diagnostics diagnostics) {
    int bad = t.getText().indexOf('\ufffd');
    if (bad >= 0) {
      // Inside a string the lexer takes any character: undecodable bytes would reach iptables text.
      diagnostics.error(CODE_BAD_CHAR, positions.at(t, bad), "invalid UTF-8 byte in a string",
          "policy files are UTF-8 text");
    }
    if (t.getType() == SwfwLexer.UNTERMINATED_STRING) {
      diagnostics.error(CODE_UNTERMINATED, positions.of(t), "unterminated string",
          "a string ends with '\"' on the same line");
      return true;
    }
    return bad >= 0;
  }

  /** NUL bytes or many undecodable bytes near the start: not worth a diagnostic per character. */
  static boolean looksBinary(String text) {
    int n = Math.min(text.length(), 4096);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c == 0xfffd || c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        bad++;
      }
    }
    return n > 0 && bad * 10 > n;
  }

  private static String describe(String s) {
    int c = s.codePointAt(0);
    if (c == 0xfffd) {
      return "invalid UTF-8 byte";
    }
    return "unexpected character '" + shown(s) + "'";
  }

  private static String shown(String s) {
    int c = s.codePointAt(0);
    return c < ' ' || c == 0x7f || c == 0xfffd ? String.format("\\u%04x", c) : s;
  }

  /**
   * Statement by statement when that works ({@link StatementParser}); else the whole text as one tree:
   * SLL first, which is fast and enough for nearly every text; full LL with recovery only on failure.
   * Without lexical errors, each top-level statement becomes AST as soon as it is parsed and its
   * parse tree is let go: the tree of a whole big policy costs more memory than its tokens and its
   * AST together. The statements are empty when there were syntax errors (then nothing was built
   * from a broken tree).
   */
  private static Optional<List<Stmt>> parseTokens(Lexed lexed, Positions positions, Diagnostics diagnostics,
      boolean wholeText) {
    AstBuilder builder = lexed.failed() ? null : new AstBuilder(positions);
    if (builder != null && !wholeText) {
      List<Stmt> statements = StatementParser.parse(lexed.tokens(), builder);
      if (statements != null) {
        return Optional.of(statements);
      }
    }
    List<Token> tokens = lexed.tokens().tokens();
    Set<Token> unterminated = new HashSet<>();
    lexed.unterminated().stream().forEach(i -> unterminated.add(tokens.get(i)));
    CommonTokenStream stream = new LexedTokenStream(tokens);
    SwfwParser parser = new SwfwParser(stream);
    parser.removeErrorListeners();
    List<Stmt> statements = new ArrayList<>();
    if (builder != null) {
      parser.addParseListener(new StatementBuilder(parser, builder, statements));
    }
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      parser.policy();
      return Optional.of(statements);
    } catch (ParseCancellationException e) {
      statements.clear();
      stream.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new SyntaxErrors(positions, diagnostics, unterminated));
      parser.policy();
      return parser.getNumberOfSyntaxErrors() > 0 ? Optional.empty() : Optional.of(statements);
    }
  }

  /**
   * A stream over tokens lexed and numbered already: no second buffer of a big policy's tokens. Also
   * one statement's tokens ({@link StatementParser}).
   */
  static final class LexedTokenStream extends CommonTokenStream {
    LexedTokenStream(List<Token> tokens) {
      super(new ListTokenSource(tokens));
      this.tokens = tokens;
      this.fetchedEOF = true;
    }
  }

  /** Turns each top-level statement into AST when the parser leaves it, then drops its parse tree. */
  private static final class StatementBuilder implements ParseTreeListener {
    private final SwfwParser parser;
    private final AstBuilder builder;
    private final List<Stmt> statements;

    StatementBuilder(SwfwParser parser, AstBuilder builder, List<Stmt> statements) {
      this.parser = parser;
      this.builder = builder;
      this.statements = statements;
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
      // After a syntax error the tree may have holes: build nothing more (the result is discarded).
      // The bail-out of SLL parsing also leaves rules through here, with the exception set.
      if (ctx instanceof SwfwParser.StatementContext s && s.getParent() instanceof SwfwParser.PolicyContext policy
          && s.exception == null && parser.getNumberOfSyntaxErrors() == 0) {
        statements.add(builder.statement(s));
        policy.removeLastChild();
      }
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {}

    @Override
    public void visitTerminal(TerminalNode node) {}

    @Override
    public void visitErrorNode(ErrorNode node) {}
  }
}
