package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import swfw.compiler.lint.LintCode;
import swfw.compiler.lint.LintRegistry;

/** Every lint code has its section in docs/lints.md, where SARIF's helpUri and the hints point. */
class LintDocsTest {
  @Test
  void everyLintCodeHasASectionAndATableRow() throws IOException {
    String doc = Files.readString(ExampleFiles.dir().resolve("../docs/lints.md").normalize());
    for (LintCode c : LintRegistry.codes()) {
      String anchor = c.code().toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.contains("<a id=\"" + anchor + "\"></a>\n## " + c.code() + " "), c.code() + " has no section");
      assertTrue(doc.contains("| [" + c.code() + "](#" + anchor + ") | " + c.severity().label() + " |"),
          c.code() + " has no table row with its severity");
    }
  }
}
