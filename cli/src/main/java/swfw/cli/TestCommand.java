package swfw.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.compiler.Compiler;
import swfw.compiler.explain.Expectations;
import swfw.compiler.ir.NodeIr;
import swfw.diag.Diagnostic;

@Command(name = "test", description = {
    "Evaluate every 'expect' statement of a policy on the generated rules.",
    "'expect accept' holds when the traffic reaches the host or a container; 'expect drop' when it reaches neither."},
    footer = ExitCodes.HELP)
final class TestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files.")
  List<Path> files;

  @Override
  public Integer call() {
    int code = ExitCodes.OK;
    for (Path file : files) {
      Pipeline.Compiled c = Pipeline.compile(file, spec.commandLine().getErr());
      List<Diagnostic> failures = Expectations.check(c.policy(), Compiler.locations(file));
      int total = c.policy().ir().nodes().stream().mapToInt(n -> n.expectations().size()).sum();
      spec.commandLine().getErr().print(c.front().renderer().renderAll(failures));
      spec.commandLine().getOut().println(file + ": " + (total - failures.size()) + " passed, " + failures.size()
          + " failed (" + nodes(c.policy().ir().nodes()) + ")");
      if (!failures.isEmpty()) {
        code = ExitCodes.POLICY;
      }
    }
    return code;
  }

  private static String nodes(List<NodeIr> nodes) {
    StringBuilder b = new StringBuilder();
    for (NodeIr n : nodes) {
      b.append(b.length() == 0 ? "" : ", ").append(n.role()).append(": ").append(n.expectations().size());
    }
    return b.toString();
  }
}
