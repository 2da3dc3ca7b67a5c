package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.diag.SourceFile;
import swfw.dsl.Frontend;

/** Every example: checks cleanly, its syntax tree and its compiled boot files are approved. */
class ExamplesTest {
  static List<String> roots() {
    return ExampleFiles.ROOTS;
  }

  @ParameterizedTest
  @MethodSource("roots")
  void checksWithoutErrorsOrWarnings(String root) {
    ExampleFiles.Run run = ExampleFiles.swfw("check", "--strict", root);
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @ParameterizedTest
  @MethodSource("roots")
  void syntaxTree(String root) {
    ExampleFiles.Run run = ExampleFiles.swfw("check", "--dump-ast", root);
    assertEquals(0, run.exitCode(), run.err());
    Approvals.verify(run.out(), Approvals.NAMES.withParameters(ExampleFiles.label(root)));
  }

  @ParameterizedTest
  @MethodSource("roots")
  void compilesToBootFiles(String root) {
    ExampleFiles.Run run = ExampleFiles.swfw("compile", root, "--stdout");
    assertEquals(0, run.exitCode(), run.err());
    Approvals.verify(run.out(), Approvals.NAMES.withParameters(ExampleFiles.label(root)));
  }

  @Test
  void clusterCompilesToLiveFiles() {
    ExampleFiles.Run run = ExampleFiles.swfw("compile", "swarm/cluster.swfw", "--stdout", "--live");
    assertEquals(0, run.exitCode(), run.err());
    Approvals.verify(run.out());
  }

  @Test
  void compilingTwiceGivesTheSameBytes() {
    for (String root : ExampleFiles.ROOTS) {
      assertEquals(ExampleFiles.swfw("compile", root).out(), ExampleFiles.swfw("compile", root).out(), root);
    }
  }

  @Test
  void everyExampleIsInCanonicalFormatExceptTheOneLineProgram() {
    for (Path p : ExampleFiles.allPolicies()) {
      if (p.endsWith("oneline/oneline.swfw")) {
        continue; // the design card's exact line: fmt would put its two statements on two lines
      }
      ExampleFiles.Run run = ExampleFiles.swfw("fmt", "--check", p.toString());
      assertEquals(0, run.exitCode(), p + " is not formatted: " + run.out() + run.err());
    }
  }

  @Test
  void everyExampleFileIsCompiledByARoot() {
    Set<Path> covered = new HashSet<>();
    for (String root : ExampleFiles.ROOTS) {
      Frontend front = Frontend.run(Path.of(root));
      for (SourceFile s : front.loaded().sources()) {
        covered.add(s.path().toAbsolutePath().normalize());
      }
    }
    for (Path p : ExampleFiles.allPolicies()) {
      assertTrue(covered.contains(p.toAbsolutePath().normalize()), p + " is not reached from any root in ExampleFiles.ROOTS");
    }
  }
}
