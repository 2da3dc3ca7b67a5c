package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import swfw.diag.Diagnostics;
import swfw.compiler.Compiler;
import swfw.dsl.Frontend;

/** Every ```swfw block of docs/language.md checks and compiles cleanly: the reference cannot drift. */
class DocsExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("```swfw\\n(.*?)```", Pattern.DOTALL);

  static List<String> blocks(Path doc) throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(doc));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyLanguageReferenceExampleChecksAndCompilesWithoutWarnings() throws IOException {
    List<String> blocks = blocks(ExampleFiles.dir().resolve("../docs/language.md").normalize());
    assertTrue(blocks.size() >= 12, "expected the reference to hold its examples, found " + blocks.size());
    for (String block : blocks) {
      Frontend front = Frontend.run(Path.of("language.md.swfw"), block);
      assertEquals("", front.renderDiagnostics(), block);
      Diagnostics diags = new Diagnostics();
      assertTrue(Compiler.compile(front.policy().orElseThrow(), diags).isPresent(), block);
      assertEquals(0, diags.errorCount() + diags.warningCount(), block + front.renderer().renderAll(diags.sorted()));
    }
  }
}
