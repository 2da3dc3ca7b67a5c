package swfw.dsl.parse;

/** Turns a string literal as written into its value. */
final class Strings {
  private Strings() {}

  /**
   * The value of a literal; an unterminated one (already reported) runs to its end. The first
   * unescaped quote closes the literal: the lexer allows none inside, so "a\\" ends after the backslash.
   */
  static String unquote(String literal) {
    StringBuilder b = new StringBuilder(literal.length());
    for (int i = 1; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '"') {
        break;
      }
      if (c == '\\' && i + 1 < literal.length()) {
        char n = literal.charAt(++i);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
