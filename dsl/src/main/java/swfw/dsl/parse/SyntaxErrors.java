package swfw.dsl.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import swfw.diag.Diagnostics;
import swfw.grammar.SwfwLexer;
import swfw.grammar.SwfwParser;

/**
 * Reports syntax errors in the user's terms ("expected ';' after the rule") instead of ANTLR's
 * token sets. Only the first error at a given token is reported: recovery often re-reports it.
 */
final class SyntaxErrors extends BaseErrorListener {
  static final String CODE_UNEXPECTED = "SW0001";
  static final String CODE_MISSING_SEMI = "SW0002";
  static final String CODE_BAD_STATEMENT = "SW0003";
  static final String CODE_EXPECTED = "SW0004";

  private static final Set<Integer> TOP_LEVEL_ONLY =
      Set.of(SwfwLexer.LET, SwfwLexer.INCLUDE, SwfwLexer.NODE, SwfwLexer.HOST);
  private static final Set<Integer> BEFORE_TARGET = Set.of(SwfwLexer.ALLOW, SwfwLexer.DENY, SwfwLexer.REJECT,
      SwfwLexer.OUT, SwfwLexer.PUBLISH, SwfwLexer.ACCEPT, SwfwLexer.DROP);
  private static final Set<Integer> CLAUSE_WORDS = Set.of(SwfwLexer.ON, SwfwLexer.FROM, SwfwLexer.TO, SwfwLexer.LIMIT);

  private final Positions positions;
  private final Diagnostics diagnostics;
  /** Strings the lexer found unterminated: already reported, and they swallowed the rest of their line. */
  private final Set<Token> unterminated;
  private int lastErrorToken = -1;
  /** '}' still to come that close a block whose error was already reported. */
  private int strayClosers;

  SyntaxErrors(Positions positions, Diagnostics diagnostics, Set<Token> unterminated) {
    this.positions = positions;
    this.diagnostics = diagnostics;
    this.unterminated = unterminated;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
      String antlrMessage, RecognitionException e) {
    if (!(recognizer instanceof Parser parser) || !(offending instanceof Token token)) {
      return;
    }
    if (token.getTokenIndex() == lastErrorToken) {
      return;
    }
    lastErrorToken = token.getTokenIndex();
    Token previous = previousToken(parser.getTokenStream(), token);
    if (unterminated.contains(token) || unterminated.contains(previous)) {
      return;
    }
    ParserRuleContext ctx = parser.getContext();
    if (token.getType() == SwfwLexer.RBRACE && strayClosers > 0 && !(ctx instanceof SwfwParser.NodeBlockContext)) {
      strayClosers--;
      return;
    }
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens() : parser.getExpectedTokens();
    report(parser.getTokenStream(), token, previous, expected, ctx);
  }

  private static Token previousToken(TokenStream stream, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token t = stream.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  private void report(TokenStream stream, Token token, Token previous, IntervalSet expected, ParserRuleContext ctx) {
    int rule = ctx == null ? -1 : ctx.getRuleIndex();
    String found = describeFound(token);
    Token open = token.getType() == Token.EOF && expected.contains(SwfwLexer.RBRACE) ? unclosedBrace(stream) : null;
    if (open != null) {
      diagnostics.error(CODE_EXPECTED, positions.of(open), "expected '}' to close this '{', found the end of the file",
          "add '}' where the block ends");
    } else if (TOP_LEVEL_ONLY.contains(token.getType()) && ctx instanceof SwfwParser.NodeBlockContext) {
      strayClosers++;
      diagnostics.error(CODE_BAD_STATEMENT, positions.of(token), found + " cannot appear inside a node block",
          "let, include, node and host go at the top level; is a '}' missing before it?");
    } else if (token.getType() == SwfwLexer.OUT) {
      diagnostics.error(CODE_UNEXPECTED, positions.of(token), "unexpected 'out'",
          "only allow, deny and reject rules can be outbound, with 'out' right after the verb: 'allow out tcp 443'");
    } else if (token.getType() == SwfwLexer.INT && previous != null && BEFORE_TARGET.contains(previous.getType())) {
      diagnostics.error(CODE_EXPECTED, positions.of(token), "expected a protocol before the port, found " + found,
          "write 'tcp " + token.getText() + "' or 'udp " + token.getText() + "'");
    } else if (expected.contains(SwfwLexer.SEMI) && isStatementEnd(rule)) {
      missingSemicolon(token, previous, found, ctx);
    } else if (rule == SwfwParser.RULE_statement || rule == SwfwParser.RULE_policy
        || rule == SwfwParser.RULE_nodeStatement && expected.contains(SwfwLexer.ALLOW)) {
      diagnostics.error(CODE_BAD_STATEMENT, positions.of(token), "expected a statement, found " + found,
          "a statement starts with let, include, node, host, public, trust, allow, deny, reject, publish or expect");
    } else {
      String wanted = describeExpected(expected, rule);
      diagnostics.error(wanted == null ? CODE_UNEXPECTED : CODE_EXPECTED, positions.of(token),
          wanted == null ? "unexpected " + found : "expected " + wanted + ", found " + found);
    }
  }

  private void missingSemicolon(Token token, Token previous, String found, ParserRuleContext ctx) {
    // Where the ';' belongs: right after the previous token, when the next one is on a later line.
    var at = previous != null && (token.getType() == Token.EOF || previous.getLine() != token.getLine())
        ? positions.after(previous) : positions.of(token);
    String help = previous != null && previous.getType() == SwfwLexer.STRING && CLAUSE_WORDS.contains(token.getType())
        ? "the comment comes last, just before ';'" : "every statement ends with ';'";
    diagnostics.error(CODE_MISSING_SEMI, at, "expected ';' after the " + statementName(ctx) + ", found " + found, help);
  }

  /** The innermost '{' not closed before the end of the file, or null. */
  private static Token unclosedBrace(TokenStream stream) {
    Deque<Token> open = new ArrayDeque<>();
    for (int i = 0; i < stream.size(); i++) {
      Token t = stream.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (t.getType() == SwfwLexer.LBRACE) {
        open.push(t);
      } else if (t.getType() == SwfwLexer.RBRACE && !open.isEmpty()) {
        open.pop();
      }
    }
    return open.peek();
  }

  private static boolean isStatementEnd(int rule) {
    return rule == SwfwParser.RULE_nodeStatement || rule == SwfwParser.RULE_statement
        || rule == SwfwParser.RULE_clause || rule == SwfwParser.RULE_ruleTarget
        || rule == SwfwParser.RULE_portSpec || rule == SwfwParser.RULE_portItem
        || rule == SwfwParser.RULE_addrSpec || rule == SwfwParser.RULE_hostAttr
        || rule == SwfwParser.RULE_letValue;
  }

  /** What the user calls the statement being parsed, by its first word. */
  private static String statementName(ParserRuleContext ctx) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      if (c instanceof SwfwParser.NodeStatementContext || c instanceof SwfwParser.StatementContext) {
        return switch (c.getStart().getType()) {
          case SwfwLexer.LET -> "let statement";
          case SwfwLexer.INCLUDE -> "include statement";
          case SwfwLexer.HOST -> "host statement";
          case SwfwLexer.PUBLIC -> "'public' statement";
          case SwfwLexer.TRUST -> "'trust' statement";
          case SwfwLexer.ALLOW, SwfwLexer.DENY, SwfwLexer.REJECT -> "rule";
          case SwfwLexer.PUBLISH -> "'publish' statement";
          case SwfwLexer.EXPECT -> "expectation";
          default -> "statement";
        };
      }
    }
    return "statement";
  }

  static String describeFound(Token t) {
    if (t.getType() == Token.EOF) {
      return "the end of the file";
    }
    String text = t.getText();
    if (text.length() > 40) {
      text = text.substring(0, 40) + "…";
    }
    return "'" + printable(text) + "'";
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }

  /**
   * A phrase for what the parser wanted, or null when no short phrase fits. The phrase for a rule
   * is used only when the parser wanted what the phrase names: after {@code 80, 443} inside
   * braces it wants ',' or '}', not "a port".
   */
  private static String describeExpected(IntervalSet expected, int rule) {
    if ((rule == SwfwParser.RULE_portSpec || rule == SwfwParser.RULE_portItem) && expected.contains(SwfwLexer.INT)) {
      return "a port, a port range or a name";
    }
    if ((rule == SwfwParser.RULE_addrSpec || rule == SwfwParser.RULE_addrItem) && expected.contains(SwfwLexer.ADDR4)) {
      return "an address, a CIDR, a set name or '{'";
    }
    if (rule == SwfwParser.RULE_iface) {
      return "an interface name";
    }
    if (rule == SwfwParser.RULE_letValue && expected.contains(SwfwLexer.ADDR4) && expected.contains(SwfwLexer.TCP)) {
      return "a value: an address, a set in '{ }' or a protocol with ports";
    }
    if (rule == SwfwParser.RULE_hostAttr && expected.contains(SwfwLexer.ROLE)) {
      return "a host attribute (role, address, user, port, key, jump, swarm) or ';'";
    }
    return tokenList(expected);
  }

  private static String tokenList(IntervalSet expected) {
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      names.add(tokenName(type));
      if (names.size() > 5) {
        return null;
      }
    }
    if (names.isEmpty()) {
      return null;
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  static String tokenName(int type) {
    return switch (type) {
      case SwfwLexer.INT -> "a number";
      case SwfwLexer.NAME -> "a name";
      case SwfwLexer.STRING -> "a string";
      case SwfwLexer.ADDR4 -> "an IPv4 address";
      case SwfwLexer.ADDR6 -> "an IPv6 address";
      case Token.EOF -> "the end of the file";
      default -> {
        String literal = SwfwLexer.VOCABULARY.getLiteralName(type);
        yield literal != null ? literal : SwfwLexer.VOCABULARY.getDisplayName(type);
      }
    };
  }
}
