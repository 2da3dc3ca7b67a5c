package swfw.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON, indented by two spaces
 * and in the maps' own order, so that the output is byte-deterministic for golden files.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();

  private Json() {}

  static String write(Object value) {
    Json j = new Json();
    j.value(value, 0);
    return j.out.append('\n').toString();
  }

  private void value(Object v, int depth) {
    if (v instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (v instanceof List<?> list) {
      array(list, depth);
    } else if (v instanceof String s) {
      string(s);
    } else if (v == null || v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    String sep = "\n";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(sep).append("  ".repeat(depth + 1));
      string(String.valueOf(e.getKey()));
      out.append(": ");
      value(e.getValue(), depth + 1);
      sep = ",\n";
    }
    out.append('\n').append("  ".repeat(depth)).append('}');
  }

  private void array(List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    String sep = "\n";
    for (Object item : list) {
      out.append(sep).append("  ".repeat(depth + 1));
      value(item, depth + 1);
      sep = ",\n";
    }
    out.append('\n').append("  ".repeat(depth)).append(']');
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
