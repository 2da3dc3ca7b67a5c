package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import swfw.dsl.gen.PolicyGenerator;
import swfw.grammar.SwfwLexer;

/** Two halves lexed at once give the tokens of the whole text lexed at once, or nothing. */
class SplitLexerTest {
  @Test
  void givesTheTokensOfTheWholeTextForTheProjectsPolicies() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : ScannerTest.policyFiles().toList()) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.indexOf('\ufffd') < 0 && !Scanner.hasSurrogates(text) && !hasLexicalErrors(text)) {
        all.append(text).append('\n');
      }
    }
    assertSameTokens(bigger(all.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r\r\n", "\n\n", " # comment\n", "\t\"a string\" ;\n"})
  void givesTheTokensOfTheWholeTextWhateverTheLinesEndWith(String lineEnd) {
    StringBuilder text = new StringBuilder();
    for (int seed = 0; text.length() < 2 * SplitLexer.PARALLEL_THRESHOLD; seed++) {
      text.append(PolicyGenerator.generateMessy(seed, 40).replace("\n", lineEnd));
    }
    assertSameTokens(text.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"allow tcp 22 from @;", "allow tcp 22 \"open;", "allow tcp 22 \"\ufffd\";", "\ufffd"})
  void leavesTextWithLexicalErrorsToTheWholeTextLexer(String bad) {
    String text = bigger("allow tcp 22;\n");
    assertNotNull(SplitLexer.lex(text));
    assertNull(SplitLexer.lex(text + bad));
    assertNull(SplitLexer.lex(bad + "\n" + text));
  }

  @Test
  void leavesShortTextToTheWholeTextLexer() {
    assertNull(SplitLexer.lex("allow tcp 22;\n"));
  }

  @Test
  void leavesTextWithoutALineBreakAfterTheMiddleToTheWholeTextLexer() {
    assertNull(SplitLexer.lex(bigger("allow tcp 22;\r")));
    assertNull(SplitLexer.lex("allow tcp 22;\n" + bigger("allow tcp 22;")));
  }

  private static boolean hasLexicalErrors(String text) {
    TokenSource scanner = Scanner.of(text);
    for (Token t = scanner.nextToken(); t.getType() != Token.EOF; t = scanner.nextToken()) {
      if (t.getType() == SwfwLexer.ERROR_CHAR || t.getType() == SwfwLexer.UNTERMINATED_STRING) {
        return true;
      }
    }
    return false;
  }

  private static String bigger(String text) {
    return text.repeat(2 * SplitLexer.PARALLEL_THRESHOLD / text.length() + 1);
  }

  private static void assertSameTokens(String text) {
    TokenTable split = SplitLexer.lex(text);
    assertNotNull(split, "split");
    List<String> expected = new ArrayList<>();
    TokenSource scanner = Scanner.of(text);
    for (Token t = scanner.nextToken(); ; t = scanner.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        expected.add(t.getType() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " " + t.getLine() + ":"
            + t.getCharPositionInLine() + " " + t.getText());
      }
      if (t.getType() == Token.EOF) {
        break;
      }
    }
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      actual.add(split.type(i) + " " + split.start(i) + ".." + split.stop(i) + " " + split.line(i) + ":"
          + split.column(i) + " " + split.text(i));
    }
    assertEquals(expected, actual);
  }
}
