package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StringsTest {
  @Test
  void unquotesPlainText() {
    assertEquals("SSH", Strings.unquote("\"SSH\""));
    assertEquals("", Strings.unquote("\"\""));
  }

  @Test
  void unescapesQuotesBackslashesAndControlCharacters() {
    assertEquals("say \"hi\"\n\t\\", Strings.unquote("\"say \\\"hi\\\"\\n\\t\\\\\""));
  }

  @Test
  void endsAfterAnEscapedBackslashBeforeTheClosingQuote() {
    assertEquals("a\\", Strings.unquote("\"a\\\\\""));
  }

  @Test
  void runsAnUnterminatedLiteralToItsEnd() {
    assertEquals("abc", Strings.unquote("\"abc"));
    assertEquals("a\"", Strings.unquote("\"a\\\""));
  }
}
