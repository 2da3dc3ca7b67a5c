package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.lint.LintReport;
import swfw.compiler.lint.Lints;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;

/** Every shipped example is lint-clean, without suppressing anything: the examples are what users copy. */
class LintExamplesTest {
  static List<String> roots() {
    return ExampleFiles.ROOTS;
  }

  @ParameterizedTest
  @MethodSource("roots")
  void isLintClean(String root) {
    Frontend front = Frontend.run(Path.of(root));
    CompiledPolicy compiled = Compiler.compile(front.policy().orElseThrow(), new Diagnostics()).orElseThrow();
    LintReport report = Lints.run(front.loaded(), front.policy().get(), compiled);
    assertEquals("", front.renderer().renderAll(report.findings()));
    assertEquals(List.of(), report.suppressed());
  }
}
