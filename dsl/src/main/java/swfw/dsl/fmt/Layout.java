package swfw.dsl.fmt;

import java.util.List;
import swfw.grammar.SwfwLexer;

/**
 * Lays out the pieces of a policy without syntax errors: one statement per line, node bodies
 * indented by two spaces, single spaces between tokens, sets on one line unless they were written
 * over several lines, and every comment on the line it was on. Line breaks inside a statement are
 * kept only where a comment forces them.
 */
final class Layout {
  private static final int INDENT = 2;
  private static final int CONTINUATION = 4;

  /** A set being written: written over several lines or not, and the indentation of its '{' line. */
  private record OpenSet(boolean multiLine, int indent) {}

  private final List<Piece> pieces;
  private final Lines out = new Lines();
  private int depth;
  private boolean statementStart = true;
  private int statementIndent;
  private OpenSet set;
  /** The last thing written opened a block or a set over several lines: no blank line may follow. */
  private boolean opened;
  private Piece previous;
  private int previousType = -1;
  private int previousType2 = -1;
  private Lines.Line lastTokenLine;

  Layout(List<Piece> pieces) {
    this.pieces = pieces;
  }

  String run() {
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      if (p.isComment()) {
        comment(p, i);
      } else {
        token(p, i);
      }
    }
    return out.render();
  }

  private void comment(Piece p, int i) {
    if (p.newlinesBefore() == 0 && !out.isEmpty()) {
      out.current().comment = p.text();
      return;
    }
    out.start(commentIndent(nextToken(i)), blankBefore(p)).comment = p.text();
    opened = false;
  }

  /**
   * Where an own-line comment goes: where the token after it would go if it started the line. A ','
   * or ';' after it joins the token before the comment, so the comment goes where it will be then.
   */
  private int commentIndent(Piece next) {
    int nextType = next == null ? -1 : next.type();
    if (statementStart || nextType == SwfwLexer.SEMI && set == null) {
      return statementStart ? depth * INDENT : statementIndent;
    }
    if (set != null && set.multiLine) {
      boolean between = atItemStart() || nextType == SwfwLexer.RBRACE || nextType == SwfwLexer.COMMA;
      return set.indent + INDENT + (between ? 0 : CONTINUATION);
    }
    return statementIndent + CONTINUATION;
  }

  private void token(Piece p, int i) {
    if (p.type() == SwfwLexer.COMMA && set != null && !set.multiLine && nextTokenType(i) == SwfwLexer.RBRACE) {
      return;
    }
    Lines.Line line;
    if (statementStart) {
      line = startStatement(p);
    } else if (set != null && set.multiLine) {
      line = inMultiLineSet(p);
    } else {
      line = continueStatement(p, statementIndent);
    }
    line.code.append(p.text());
    opened = false;
    structure(p, i, line);
    previous = p;
    previousType2 = previousType;
    previousType = p.type();
    lastTokenLine = line;
  }

  /** The line a token at the start of a statement (or a block's '}') goes on. */
  private Lines.Line startStatement(Piece p) {
    if (p.type() == SwfwLexer.RBRACE) {
      depth--;
      return out.start(depth * INDENT, false);
    }
    statementIndent = depth * INDENT;
    statementStart = false;
    return out.start(statementIndent, blankBefore(p));
  }

  private Lines.Line inMultiLineSet(Piece p) {
    if (p.type() == SwfwLexer.RBRACE) {
      if (previousType != SwfwLexer.COMMA && previousType != SwfwLexer.LBRACE) {
        lastTokenLine.code.append(',');
      }
      return out.start(set.indent, false);
    }
    boolean newItem = previousType == SwfwLexer.LBRACE
        || previousType == SwfwLexer.COMMA && (lineEnded() || p.newlinesBefore() > 0 || previous.newlinesBefore() > 0);
    if (newItem) {
      return out.start(set.indent + INDENT, blankBefore(p));
    }
    return continueStatement(p, set.indent + INDENT);
  }

  /** The current line, with a space if one belongs before the token, unless a comment ended it. */
  private Lines.Line continueStatement(Piece p, int lineIndent) {
    if (!lineEnded()) {
      Lines.Line line = out.current();
      if (spaceBetween(previousType, p.type())) {
        line.code.append(' ');
      }
      return line;
    }
    if (p.type() == SwfwLexer.COMMA || p.type() == SwfwLexer.SEMI) {
      // "a # note" then "," on the next line: the comma joins 'a', the comments stay on their lines.
      return lastTokenLine;
    }
    return out.start(lineIndent + CONTINUATION, false);
  }

  /** Opens and closes blocks, sets and statements after {@code p} was written. */
  private void structure(Piece p, int i, Lines.Line line) {
    switch (p.type()) {
      case SwfwLexer.LBRACE -> {
        if (previousType == SwfwLexer.NAME && previousType2 == SwfwLexer.NODE) {
          depth++;
          statementStart = true;
          opened = true;
        } else {
          set = new OpenSet(writtenOverLines(i), line.indent);
          opened = set.multiLine;
        }
      }
      case SwfwLexer.RBRACE -> set = null;
      case SwfwLexer.SEMI -> statementStart = set == null;
      default -> { }
    }
  }

  /** True when the set opened at {@code open} holds a comment, or items and a line break. */
  private boolean writtenOverLines(int open) {
    boolean comment = false;
    boolean newline = false;
    boolean items = false;
    for (int i = open + 1; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      newline |= p.newlinesBefore() > 0;
      if (p.type() == SwfwLexer.RBRACE) {
        break;
      }
      comment |= p.isComment();
      items |= !p.isComment();
    }
    return comment || newline && items;
  }

  private static boolean spaceBetween(int before, int after) {
    return after != SwfwLexer.COMMA && after != SwfwLexer.SEMI
        && after != SwfwLexer.DASH && after != SwfwLexer.SLASH
        && before != SwfwLexer.DASH && before != SwfwLexer.SLASH;
  }

  private boolean atItemStart() {
    return previousType == SwfwLexer.LBRACE || previousType == SwfwLexer.COMMA;
  }

  private boolean lineEnded() {
    return !out.isEmpty() && out.current().comment != null;
  }

  private boolean blankBefore(Piece p) {
    return p.newlinesBefore() >= 2 && !opened;
  }

  private Piece nextToken(int i) {
    for (int j = i + 1; j < pieces.size(); j++) {
      if (!pieces.get(j).isComment()) {
        return pieces.get(j);
      }
    }
    return null;
  }

  private int nextTokenType(int i) {
    Piece next = nextToken(i);
    return next == null ? -1 : next.type();
  }
}
