package swfw.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
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

  private final Positions positions;
  private final Diagnostics diagnostics;
  private int lastErrorToken = -1;

  SyntaxErrors(Positions positions, Diagnostics diagnostics) {
    this.positions = positions;
    this.diagnostics = diagnostics;
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
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens() : parser.getExpectedTokens();
    int rule = parser.getContext() == null ? -1 : parser.getContext().getRuleIndex();
    report(token, expected, rule, parser.getContext() == null ? null : previousToken(parser, token));
  }

  private static Token previousToken(Parser parser, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token t = parser.getTokenStream().get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  private void report(Token token, IntervalSet expected, int rule, Token previous) {
    String found = describeFound(token);
    if (expected.contains(SwfwLexer.SEMI) && isStatementEnd(rule)) {
      // Point just after the previous token: that is where the ';' belongs.
      var at = previous != null && token.getType() != Token.EOF && previous.getLine() != token.getLine()
          ? positions.of(previous) : positions.of(token);
      diagnostics.error(CODE_MISSING_SEMI, at, "expected ';' after the " + statementName(rule) + ", found " + found,
          "every statement ends with ';'");
      return;
    }
    if (rule == SwfwParser.RULE_statement || rule == SwfwParser.RULE_policy
        || rule == SwfwParser.RULE_nodeStatement && expected.contains(SwfwLexer.ALLOW)) {
      diagnostics.error(CODE_BAD_STATEMENT, positions.of(token), "expected a statement, found " + found,
          "a statement starts with let, include, node, host, public, trust, allow, deny, reject, publish or expect");
      return;
    }
    String wanted = describeExpected(expected, rule);
    diagnostics.error(wanted == null ? CODE_UNEXPECTED : CODE_EXPECTED, positions.of(token),
        wanted == null ? "unexpected " + found : "expected " + wanted + ", found " + found);
  }

  private static boolean isStatementEnd(int rule) {
    return rule == SwfwParser.RULE_nodeStatement || rule == SwfwParser.RULE_statement
        || rule == SwfwParser.RULE_clause || rule == SwfwParser.RULE_ruleTarget
        || rule == SwfwParser.RULE_portSpec || rule == SwfwParser.RULE_portItem
        || rule == SwfwParser.RULE_addrSpec || rule == SwfwParser.RULE_hostAttr
        || rule == SwfwParser.RULE_letValue;
  }

  private static String statementName(int rule) {
    if (rule == SwfwParser.RULE_hostAttr) {
      return "host statement";
    }
    if (rule == SwfwParser.RULE_letValue) {
      return "let statement";
    }
    return rule == SwfwParser.RULE_statement ? "statement" : "rule";
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

  /** A phrase for what the parser wanted, or null when no short phrase fits. */
  private static String describeExpected(IntervalSet expected, int rule) {
    if (rule == SwfwParser.RULE_portSpec || rule == SwfwParser.RULE_portItem) {
      return "a port, a port range or a name";
    }
    if (rule == SwfwParser.RULE_addrSpec || rule == SwfwParser.RULE_addrItem) {
      return "an address, a CIDR, a set name or '{'";
    }
    if (rule == SwfwParser.RULE_iface) {
      return "an interface name";
    }
    if (rule == SwfwParser.RULE_letValue) {
      return "a value: an address, a set in '{ }' or a protocol with ports";
    }
    if (rule == SwfwParser.RULE_hostAttr) {
      return "a host attribute (role, address, user, port, key, jump, swarm) or ';'";
    }
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
