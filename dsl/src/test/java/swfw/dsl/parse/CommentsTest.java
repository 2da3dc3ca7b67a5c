package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statement each comment annotates: what per-statement directives such as swfw:ignore rely on. */
class CommentsTest {
  /** "LINE:COL TEXT -> FIRST-LAST" (or "-> none"), trailing comments marked with "trailing". */
  private static List<String> comments(String text) {
    return Comments.of(Path.of("t.swfw"), text).stream()
        .map(c -> c.span().line() + ":" + c.span().column() + " " + c.text() + (c.trailing() ? " trailing" : "")
            + " -> " + (c.firstLine() == 0 ? "none" : c.firstLine() + "-" + c.lastLine()))
        .toList();
  }

  @Test
  void aCommentAboveAStatementAnnotatesAllItsLines() {
    assertEquals(List.of("1:1 above -> 2-3"), comments("""
        # above
        allow tcp 22
          from 10.0.0.0/8;
        """));
  }

  @Test
  void aTrailingCommentAnnotatesTheStatementEndingOnItsLine() {
    assertEquals(List.of("3:20 end trailing -> 2-3", "4:15 next trailing -> 4-4"), comments("""
        public eth0;
        allow tcp 22
          from 10.0.0.0/8; # end
        allow tcp 80; # next
        """));
  }

  @Test
  void stackedCommentsAnnotateTheSameStatementButABlankLineBreaksTheLink() {
    assertEquals(List.of("1:1 one -> 3-3", "2:1 two -> 3-3", "4:1 lost -> none"), comments("""
        # one
        # two
        allow tcp 22;
        # lost

        allow tcp 80;
        """));
  }

  @Test
  void insideNodesTheStatementStartsAfterTheBraceOrTheNodeName() {
    assertEquals(List.of("1:1 header -> 2-2", "3:17 inner trailing -> 3-3", "5:35 one-liner trailing -> 5-5"),
        comments("""
        # header
        node master {
          allow tcp 22; # inner
        }
        node worker allow tcp 22 on eth0; # one-liner
        """));
  }

  @Test
  void aCommentAtTheEndAnnotatesNothing() {
    assertEquals(List.of("2:1 the end -> none"), comments("allow tcp 22;\n# the end\n"));
  }
}
