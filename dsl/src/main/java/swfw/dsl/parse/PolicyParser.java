package swfw.dsl.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import swfw.diag.Diagnostics;
import swfw.dsl.ast.Program;
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
    Positions positions = new Positions(file);
    int errorsBefore = diagnostics.errorCount();
    Set<Token> unterminated = new HashSet<>();
    List<Token> tokens = lex(text, positions, diagnostics, unterminated);
    SwfwParser.PolicyContext tree = parseTokens(tokens, new SyntaxErrors(positions, diagnostics, unterminated));
    if (diagnostics.errorCount() > errorsBefore || tree == null) {
      return Optional.empty();
    }
    return Optional.of(new Program(file, new AstBuilder(positions).policy(tree)));
  }

  /** The lexer's tokens, all channels, with lexical errors reported and their tokens hidden. */
  public static List<Token> tokens(String text) {
    SwfwLexer lexer = new SwfwLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      out.add(t);
      if (t.getType() == Token.EOF) {
        return out;
      }
    }
  }

  private static List<Token> lex(String text, Positions positions, Diagnostics diagnostics, Set<Token> unterminated) {
    if (looksBinary(text)) {
      // No line is shown: a line of binary data would only garble the terminal.
      diagnostics.error(CODE_NOT_TEXT, swfw.diag.Span.wholeFile(positions.file()),
          "this is not a policy file: it holds binary data", "policy files are UTF-8 text");
      return tokens("");
    }
    List<Token> tokens = tokens(text);
    Token runStart = null;
    for (Token t : tokens) {
      if (t.getType() == SwfwLexer.ERROR_CHAR) {
        // One diagnostic for a run of bad characters, not one per character.
        boolean continues = runStart != null && t.getLine() == runStart.getLine();
        if (!continues) {
          runStart = t;
          diagnostics.error(CODE_BAD_CHAR, positions.of(t), describe(t.getText()));
        }
        ((CommonToken) t).setChannel(Token.HIDDEN_CHANNEL);
        continue;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        runStart = null;
      }
      if (t.getType() == SwfwLexer.STRING || t.getType() == SwfwLexer.UNTERMINATED_STRING) {
        checkString(t, positions, diagnostics, unterminated);
      }
    }
    return tokens;
  }

  private static void checkString(Token t, Positions positions, Diagnostics diagnostics, Set<Token> unterminated) {
    int bad = t.getText().indexOf('\ufffd');
    if (bad >= 0) {
      // Inside a string the lexer takes any character: undecodable bytes would reach iptables text.
      diagnostics.error(CODE_BAD_CHAR, positions.at(t, bad), "invalid UTF-8 byte in a string",
          "policy files are UTF-8 text");
    }
    if (t.getType() == SwfwLexer.UNTERMINATED_STRING) {
      diagnostics.error(CODE_UNTERMINATED, positions.of(t), "unterminated string",
          "a string ends with '\"' on the same line");
      ((CommonToken) t).setType(SwfwLexer.STRING);
      unterminated.add(t);
    }
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

  /** SLL first, which is fast and enough for nearly every text; full LL with recovery only on failure. */
  private static SwfwParser.PolicyContext parseTokens(List<Token> tokens, SyntaxErrors errors) {
    CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
    SwfwParser parser = new SwfwParser(stream);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.policy();
    } catch (ParseCancellationException e) {
      stream.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(errors);
      return parser.policy();
    }
  }
}
