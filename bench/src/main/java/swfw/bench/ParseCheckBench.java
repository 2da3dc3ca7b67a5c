package swfw.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.parse.PolicyParser;

/**
 * The front end on a generated 100,000-line policy: parse alone, and parse plus check (what
 * {@code swfw check} does in process). Run by bench/parse-check.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseCheckBench {
  private static final Path NAME = Path.of("generated.swfw");

  @Param("100000")
  public int lines;

  String text;

  @Setup(Level.Trial)
  public void generate() {
    text = PolicyFixture.generate(lines, 42);
    Frontend result = Frontend.run(NAME, text);
    if (result.diagnostics().hasErrors()) {
      throw new IllegalStateException("the generated policy has errors:\n" + result.renderDiagnostics());
    }
  }

  @Benchmark
  public Object parseAndCheck() {
    return Frontend.run(NAME, text);
  }

  @Benchmark
  public Object parse() {
    return PolicyParser.parse(NAME, text, new Diagnostics());
  }
}
