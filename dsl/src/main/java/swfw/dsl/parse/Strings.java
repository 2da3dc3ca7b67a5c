package swfw.dsl.parse;

/** Turns a string literal as written into its value. */
final class Strings {
  private Strings() {}

  static String unquote(String literal) {
    int end = literal.length() > 1 && literal.endsWith("\"") && !literal.endsWith("\\\"")
        ? literal.length() - 1 : literal.length();
    StringBuilder b = new StringBuilder(end);
    for (int i = 1; i < end; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < end) {
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
