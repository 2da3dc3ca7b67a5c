package swfw.dsl.fmt;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import swfw.dsl.parse.PolicyParser;
import swfw.grammar.SwfwLexer;

/** A token the parser sees, or a comment, with the number of line breaks just before it in the source. */
record Piece(int type, String text, int newlinesBefore) {
  boolean isComment() {
    return type == SwfwLexer.COMMENT;
  }

  /** The pieces of a text: whitespace dropped, line breaks counted, comments kept, trailing blanks of comments cut. */
  static List<Piece> of(String text) {
    List<Piece> out = new ArrayList<>();
    int newlines = 0;
    for (Token t : PolicyParser.tokens(text)) {
      switch (t.getType()) {
        case Token.EOF, SwfwLexer.WS -> { }
        case SwfwLexer.NEWLINE -> newlines++;
        case SwfwLexer.COMMENT -> {
          out.add(new Piece(t.getType(), t.getText().stripTrailing(), newlines));
          newlines = 0;
        }
        default -> {
          out.add(new Piece(t.getType(), t.getText(), newlines));
          newlines = 0;
        }
      }
    }
    return out;
  }
}
