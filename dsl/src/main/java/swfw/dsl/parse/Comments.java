package swfw.dsl.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import swfw.diag.Span;
import swfw.grammar.SwfwLexer;

/**
 * The {@code #} comments of a policy text, each with the lines of the statement it annotates, so later
 * passes can read directives such as {@code # swfw:ignore SW4002 -- reason} without seeing ANTLR types.
 */
public final class Comments {
  /**
   * One comment. A trailing comment (after code on its line) annotates the statement that ends on its
   * line; a comment on a line of its own annotates the statement that starts on the next line with code,
   * when only comment lines lie between. {@code firstLine}..{@code lastLine} are that statement's lines,
   * both 0 when it annotates none.
   *
   * @param text the comment without its leading {@code #}, trimmed
   */
  public record Comment(Span span, String text, boolean trailing, int firstLine, int lastLine) {
    public boolean annotates(int line) {
      return firstLine > 0 && line >= firstLine && line <= lastLine;
    }
  }

  private Comments() {}

  public static List<Comment> of(Path file, String text) {
    Positions positions = new Positions(file);
    List<Token> tokens = PolicyParser.tokens(text);
    Set<Integer> commentOnlyLines = commentOnlyLines(tokens);
    List<Comment> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() != SwfwLexer.COMMENT) {
        continue;
      }
      String body = t.getText().substring(1).trim();
      int line = t.getLine();
      int previous = previousCode(tokens, i);
      boolean trailing = previous >= 0 && tokens.get(previous).getLine() == line;
      int[] lines = trailing ? endingStatement(tokens, previous) : nextStatement(tokens, i, commentOnlyLines);
      out.add(new Comment(positions.of(t), body, trailing, lines[0], lines[1]));
    }
    return out;
  }

  private static Set<Integer> commentOnlyLines(List<Token> tokens) {
    Set<Integer> code = new HashSet<>();
    Set<Integer> comments = new HashSet<>();
    for (Token t : tokens) {
      if (t.getType() == SwfwLexer.COMMENT) {
        comments.add(t.getLine());
      } else if (isCode(t)) {
        code.add(t.getLine());
      }
    }
    comments.removeAll(code);
    return comments;
  }

  private static boolean isCode(Token t) {
    return t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF;
  }

  private static boolean isBoundary(Token t) {
    return t.getType() == SwfwLexer.SEMI || t.getType() == SwfwLexer.LBRACE || t.getType() == SwfwLexer.RBRACE;
  }

  private static int previousCode(List<Token> tokens, int from) {
    for (int i = from - 1; i >= 0; i--) {
      if (isCode(tokens.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The statement whose last token is {@code last}: it starts after the boundary before it. */
  private static int[] endingStatement(List<Token> tokens, int last) {
    int start = last;
    for (int i = last - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (isCode(t)) {
        if (isBoundary(t)) {
          break;
        }
        start = i;
      }
    }
    return new int[] {tokens.get(start).getLine(), tokens.get(last).getLine()};
  }

  /** The statement that starts on the next line with code, unless a blank or code line comes first. */
  private static int[] nextStatement(List<Token> tokens, int comment, Set<Integer> commentOnlyLines) {
    int line = tokens.get(comment).getLine();
    for (int i = comment + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!isCode(t)) {
        continue;
      }
      for (int between = line + 1; between < t.getLine(); between++) {
        if (!commentOnlyLines.contains(between)) {
          return new int[] {0, 0};
        }
      }
      int end = i;
      while (end < tokens.size() - 1 && !(isCode(tokens.get(end)) && isBoundary(tokens.get(end)))) {
        end++;
      }
      return new int[] {t.getLine(), tokens.get(end).getLine()};
    }
    return new int[] {0, 0};
  }
}
