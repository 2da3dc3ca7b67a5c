package swfw.dsl.check;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Linux interface names, checked so that nothing unchecked reaches iptables text. */
public final class Interfaces {
  /** IFNAMSIZ is 16 bytes including the terminating NUL. */
  public static final int MAX_BYTES = 15;

  private Interfaces() {}

  /** Why {@code name} is not a valid interface name, or empty when it is. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of("it is " + bytes + " bytes long, Linux allows " + MAX_BYTES);
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("'.' and '..' are not interface names");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean last = i == name.length() - 1;
      if (c == '+' && last && i > 0) {
        continue;
      }
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.' || c == '@')) {
        return Optional.of(describe(c) + " is not allowed");
      }
    }
    return Optional.empty();
  }

  private static String describe(char c) {
    if (c == ' ') {
      return "a space";
    }
    if (c == '/') {
      return "'/'";
    }
    if (c == '"' || c == '\'') {
      return "a quote";
    }
    return c < ' ' || c == 0x7f ? "a control character" : "'" + c + "'";
  }

  /** The name as it may be shown in a message. */
  static String shown(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      b.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
