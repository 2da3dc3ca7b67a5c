package swfw.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one policy file, with line access for rendering carets. */
public record SourceFile(Path path, String text) {
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }
}
