package swfw.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import swfw.compiler.check.LimitTooSlowForLegacy;
import swfw.compiler.ir.IrBuilder;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/** docs/diagnostics.md documents the compiler's own codes (SW3xxx) with examples exactly as it prints them. */
class BackendDiagnosticsDocTest {
  private static final Path DOC = Path.of("../docs/diagnostics.md");

  private static String rendered(String file, String text) {
    Frontend front = Frontend.run(Path.of(file), text);
    Diagnostics diags = new Diagnostics();
    Compiler.compile(front.policy().orElseThrow(), diags);
    return front.renderer().renderAll(diags.sorted());
  }

  @Test
  void documentsEveryBackendCode() throws IOException {
    String doc = Files.readString(DOC);
    for (String code : new String[] {IrBuilder.NO_GUARDED_INTERFACE, LimitTooSlowForLegacy.CODE}) {
      assertTrue(doc.contains("\n## " + code + ": "), "no section for " + code + " in " + DOC);
    }
  }

  @Test
  void showsExamplesExactlyAsTheCompilerPrintsThem() throws IOException {
    String doc = Files.readString(DOC);
    for (String example : new String[] {rendered("no-guarded.swfw", "allow tcp 22;\n"),
        rendered("slow-limit.swfw", "public eth0;\nallow tcp 22 limit 1/day;\n")}) {
      assertTrue(doc.contains("```text\n" + example + "```"), "not in " + DOC + ":\n" + example);
    }
  }
}
