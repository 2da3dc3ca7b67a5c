package swfw.dsl.parse;

import java.util.Arrays;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import swfw.grammar.SwfwParser;

/**
 * The parse trees of statement shapes: a shape is a statement's sequence of token types. The grammar has
 * no semantic predicates and no actions, so ANTLR's parse of a statement depends on its token types
 * alone: two statements of one shape have trees alike in every node, and differ only in the tokens the
 * nodes hold. The first statement of a shape is parsed by ANTLR, from {@link SlotToken}s that stand for
 * "the i-th token of the statement"; every later statement of that shape reuses that tree, with the
 * slots bound to its own tokens, and skips ANTLR's prediction, most of the cost of parsing a big policy
 * (whose statements come in a handful of shapes).
 *
 * <p>Not thread-safe: one per thread (a tree is bound to one statement at a time).
 */
final class Shapes {
  /** Trees of statements longer than this are not kept: a long statement seldom comes twice. */
  static final int MAX_SHAPE_TOKENS = 64;
  private static final int MAX_SHAPES = 4096;

  private final SwfwParser parser;
  private final Function<SwfwParser, ParserRuleContext> rule;
  private Template[] table = new Template[64];
  private int count;

  /** For pieces that {@code rule} parses: {@link SwfwParser#statement} or {@link SwfwParser#nodeStatement}. */
  Shapes(Function<SwfwParser, ParserRuleContext> rule) {
    this.rule = rule;
    parser = new SwfwParser(null);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
  }

  /**
   * The tree of the statement {@code tokens[start, end)}, bound to its tokens until the next call; null
   * when those tokens are not exactly one statement (a syntax error).
   */
  ParserRuleContext tree(TokenTable tokens, int start, int end) {
    int hash = hash(tokens, start, end);
    int mask = table.length - 1;
    for (int i = hash & mask; table[i] != null; i = (i + 1) & mask) {
      Template t = table[i];
      if (t.hash() == hash && t.matches(tokens, start, end)) {
        t.binding().bind(tokens, start, end);
        return t.tree();
      }
    }
    Template parsed = parse(tokens, start, end, hash);
    if (parsed == null) {
      return null;
    }
    if (end - start <= MAX_SHAPE_TOKENS && count < MAX_SHAPES) {
      add(parsed);
    }
    return parsed.tree();
  }

  private Template parse(TokenTable tokens, int start, int end, int hash) {
    Binding binding = new Binding();
    binding.bind(tokens, start, end);
    SlotToken[] slots = new SlotToken[end - start + 1];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new SlotToken(binding, i);
    }
    parser.setTokenStream(new PolicyParser.LexedTokenStream(Arrays.asList(slots)));
    try {
      ParserRuleContext tree = rule.apply(parser);
      if (parser.getCurrentToken().getType() != Token.EOF) {
        return null;
      }
      return new Template(hash, types(tokens, start, end), tree, binding);
    } catch (ParseCancellationException e) {
      return null;
    }
  }

  private void add(Template t) {
    if ((count + 1) * 2 > table.length) {
      Template[] old = table;
      table = new Template[old.length * 2];
      for (Template o : old) {
        if (o != null) {
          insert(o);
        }
      }
    }
    insert(t);
    count++;
  }

  private void insert(Template t) {
    int mask = table.length - 1;
    int i = t.hash() & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = t;
  }

  private static int hash(TokenTable tokens, int start, int end) {
    int h = end - start;
    for (int i = start; i < end; i++) {
      h = h * 31 + tokens.type(i);
    }
    return h ^ (h >>> 16);
  }

  private static int[] types(TokenTable tokens, int start, int end) {
    int[] types = new int[end - start];
    for (int i = start; i < end; i++) {
      types[i - start] = tokens.type(i);
    }
    return types;
  }

  /** A shape and the tree ANTLR parsed for it, over slots. */
  private record Template(int hash, int[] types, ParserRuleContext tree, Binding binding) {
    boolean matches(TokenTable tokens, int start, int end) {
      if (types.length != end - start) {
        return false;
      }
      for (int i = 0; i < types.length; i++) {
        if (types[i] != tokens.type(start + i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The statement a template's slots stand for now: its first token and the end of its tokens. */
  private static final class Binding {
    private TokenTable tokens;
    private int start;
    private int end;

    void bind(TokenTable tokens, int start, int end) {
      this.tokens = tokens;
      this.start = start;
      this.end = end;
    }

    /** The token a slot stands for in the table, or -1 for the statement's end (its EOF). */
    int token(int slot) {
      return start + slot < end ? start + slot : -1;
    }

    TokenTable table() {
      return tokens;
    }

    /** The last token of the statement, where its EOF is placed. */
    int last() {
      return end - 1;
    }
  }

  /**
   * The {@code index}-th token of the statement its binding holds now; its index in the statement is
   * {@code index}. One past the statement's last token, an EOF where that token ends.
   */
  private static final class SlotToken implements Token {
    private final Binding binding;
    private final int index;

    SlotToken(Binding binding, int index) {
      this.binding = binding;
      this.index = index;
    }

    @Override
    public String getText() {
      int t = binding.token(index);
      return t < 0 ? "<EOF>" : binding.table().text(t);
    }

    @Override
    public int getType() {
      int t = binding.token(index);
      return t < 0 ? Token.EOF : binding.table().type(t);
    }

    @Override
    public int getLine() {
      int t = binding.token(index);
      return binding.table().line(t < 0 ? binding.last() : t);
    }

    @Override
    public int getCharPositionInLine() {
      int t = binding.token(index);
      TokenTable table = binding.table();
      int last = binding.last();
      return t >= 0 ? table.column(t) : table.column(last) + table.stop(last) - table.start(last) + 1;
    }

    @Override
    public int getChannel() {
      return Token.DEFAULT_CHANNEL;
    }

    @Override
    public int getTokenIndex() {
      return index;
    }

    @Override
    public int getStartIndex() {
      int t = binding.token(index);
      return t < 0 ? binding.table().stop(binding.last()) + 1 : binding.table().start(t);
    }

    @Override
    public int getStopIndex() {
      int t = binding.token(index);
      return binding.table().stop(t < 0 ? binding.last() : t);
    }

    @Override
    public TokenSource getTokenSource() {
      return binding.table().source().a;
    }

    @Override
    public CharStream getInputStream() {
      return binding.table().source().b;
    }

    @Override
    public String toString() {
      return "slot " + index + " '" + getText() + "'";
    }
  }
}
