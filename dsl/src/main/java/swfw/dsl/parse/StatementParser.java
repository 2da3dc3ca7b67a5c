package swfw.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import swfw.dsl.TwoThreads;
import swfw.dsl.ast.Stmt;
import swfw.grammar.SwfwLexer;
import swfw.grammar.SwfwParser;

/**
 * Parses a text without syntax errors top-level statement by top-level statement (and a node block's
 * statements one by one), with SLL prediction, each statement with its own small token stream, and
 * each statement of a shape seen before with the tree of the first ({@link Shapes}); a big text on two
 * threads. Statements are cut where the grammar ends them: a {@code ';'} outside braces, or the
 * {@code '}'} that closes a {@code node} block. When any piece is not exactly one statement, the text
 * has a syntax error (or is cut in a way this class does not expect) and {@link #parse} returns null:
 * the caller then parses the whole text as one, with error recovery and every message.
 *
 * <p>Why: the generated parser walks one tree for the whole text otherwise, with a listener called on
 * every rule to cut it into statements. Here the parser sees a few tokens at a time, runs its
 * prediction once per shape of statement, and the two halves of a big policy parse at once (ANTLR's
 * prediction caches are shared between parsers and safe to share between threads).
 */
final class StatementParser {
  /** Statements below which a second thread costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 4096;

  private StatementParser() {}

  /** The statements of {@code tokens} (the parser's channel only, ending with EOF), or null. */
  static List<Stmt> parse(TokenTable tokens, AstBuilder builder) {
    int[] ends = statementEnds(tokens);
    if (ends == null) {
      return null;
    }
    if (ends.length < PARALLEL_THRESHOLD) {
      return parseRange(tokens, ends, 0, ends.length, builder);
    }
    int half = ends.length / 2;
    TwoThreads.Both<List<Stmt>, List<Stmt>> halves = TwoThreads.run("swfw-parse",
        () -> parseRange(tokens, ends, 0, half, builder), () -> parseRange(tokens, ends, half, ends.length, builder));
    if (halves.here() == null || halves.there() == null) {
      return null;
    }
    List<Stmt> all = halves.here();
    all.addAll(halves.there());
    return all;
  }

  /**
   * The index just past each top-level statement's last token; null when the braces do not balance or
   * tokens are left after the last statement.
   */
  static int[] statementEnds(TokenTable tokens) {
    int[] ends = new int[Math.max(16, tokens.size() / 6)];
    int count = 0;
    int depth = 0;
    boolean nodeBlock = false;
    int start = 0;
    int last = tokens.size() - 1; // the EOF token
    for (int i = 0; i < last; i++) {
      int type = tokens.type(i);
      boolean end = false;
      if (type == SwfwLexer.LBRACE) {
        // `node NAME {` opens a block that its closing brace ends; any other brace is a set's.
        if (depth == 0 && i == start + 2 && tokens.type(start) == SwfwLexer.NODE) {
          nodeBlock = true;
        }
        depth++;
      } else if (type == SwfwLexer.RBRACE) {
        depth--;
        if (depth < 0) {
          return null;
        }
        end = depth == 0 && nodeBlock;
      } else if (type == SwfwLexer.SEMI) {
        end = depth == 0;
      }
      if (end) {
        if (count == ends.length) {
          ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = i + 1;
        start = i + 1;
        nodeBlock = false;
      }
    }
    return start == last ? java.util.Arrays.copyOf(ends, count) : null;
  }

  private static List<Stmt> parseRange(TokenTable tokens, int[] ends, int from, int to, AstBuilder builder) {
    Shapes statements = new Shapes(SwfwParser::statement);
    Shapes nodeStatements = new Shapes(SwfwParser::nodeStatement);
    List<Stmt> out = new ArrayList<>(to - from);
    for (int s = from; s < to; s++) {
      int start = s == 0 ? 0 : ends[s - 1];
      Stmt statement = ends[s] - start >= 4 && tokens.type(start) == SwfwLexer.NODE
          && tokens.type(start + 2) == SwfwLexer.LBRACE
          ? nodeBlock(tokens, start, ends[s], nodeStatements, builder)
          : parsed(statements.tree(tokens, start, ends[s]), builder);
      if (statement == null) {
        return null;
      }
      out.add(statement);
    }
    return out;
  }

  /**
   * {@code node NAME { … }} in tokens {@code [start, end)}, each statement of its body parsed by shape: a big
   * policy written in blocks is a few statements that hold all of its rules. Null on a syntax error.
   */
  private static Stmt nodeBlock(TokenTable tokens, int start, int end, Shapes nodeStatements, AstBuilder builder) {
    if (tokens.type(start + 1) != SwfwLexer.NAME || tokens.type(end - 1) != SwfwLexer.RBRACE) {
      return null;
    }
    List<Stmt> body = new ArrayList<>();
    int bodyEnd = end - 1;
    int depth = 0;
    int from = start + 3;
    // A statement of the body ends at a ';' outside its set braces; the block has no other.
    for (int i = from; i < bodyEnd; i++) {
      int type = tokens.type(i);
      depth += type == SwfwLexer.LBRACE ? 1 : type == SwfwLexer.RBRACE ? -1 : 0;
      if (type == SwfwLexer.SEMI && depth == 0) {
        Stmt statement = parsed(nodeStatements.tree(tokens, from, i + 1), builder);
        if (statement == null) {
          return null;
        }
        body.add(statement);
        from = i + 1;
      }
    }
    return from == bodyEnd ? builder.nodeBlock(tokens.token(start), tokens.token(start + 1), body) : null;
  }

  private static Stmt parsed(ParserRuleContext tree, AstBuilder builder) {
    return tree == null ? null : builder.statement(tree);
  }
}
