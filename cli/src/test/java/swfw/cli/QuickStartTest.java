package swfw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The picocli-free path for plain check and compile runs: it must mean exactly what picocli means, or decline. */
class QuickStartTest {
  private static final String POLICY = "public eth0;\nnode master allow tcp 22 \"ssh\";\nnode worker allow tcp 80;\n";

  private final PrintWriter out = new PrintWriter(new StringWriter());
  private final PrintWriter err = new PrintWriter(new StringWriter());

  @ParameterizedTest
  @ValueSource(strings = {
      "check p.swfw", "check a.swfw b.swfw", "check --strict p.swfw", "check p.swfw --allow-lockout --dump-ast",
      "compile p.swfw", "compile p.swfw -o out", "compile --output out p.swfw", "compile -o out --check p.swfw",
      "compile --live --stdout p.swfw", "compile p.swfw --node worker --strict --no-expect -o out/dir",
      "compile ./rel/p.swfw -o /abs", "push p.swfw", "push p.swfw --forks 20 --known-hosts kh --output json",
      "push --timings --dry-run p.swfw --allow-lockout --accept-new-host-keys",
      "push p.swfw --confirm-timeout 2.5 --serial 3 --manager m1 --drain-timeout 7 --connect-timeout 4",
      "push p.swfw --command-timeout 90 --inventory inv.swfw --limit h1,worker", "push p.swfw --limit h2"})
  void setsTheSameFieldsAsPicocli(String line) throws IllegalAccessException {
    String[] args = line.split(" ");
    Callable<Integer> quick = QuickStart.parse(args, out, err);
    assertNotNull(quick, "declined: " + line);
    CommandLine picocli = new CommandLine(quick.getClass() == CheckCommand.class ? new CheckCommand()
        : quick.getClass() == PushCommand.class ? new PushCommand() : new CompileCommand());
    picocli.parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
    assertEquals(optionFields(picocli.getCommand()), optionFields(quick), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "check", "compile", "check --help", "compile -h", "check -V p.swfw", "check --format json p.swfw",
      "check --format=text p.swfw", "check --strict --strict p.swfw", "compile p.swfw -o", "compile p.swfw -o -x",
      "compile p.swfw -o a -o b", "compile -oout p.swfw", "compile --output=out p.swfw", "compile a.swfw b.swfw",
      "compile --check p.swfw", "compile p.swfw --node", "compile @args", "check @args", "check - ", "compile -- p.swfw",
      "compile p.swfw --nosuch", "check p.swfw -o out", "explain p.swfw", "nosuchverb p.swfw", "compile --live --live p",
      "push", "push --help", "push a.swfw b.swfw", "push p.swfw --forks", "push p.swfw --forks x", "push p.swfw --forks -1",
      "push p.swfw --forks +2", "push p.swfw --forks=2", "push p.swfw --forks 2 --forks 3", "push p.swfw --dry-run --dry-run",
      "push p.swfw --confirm-timeout 1e3", "push p.swfw --confirm-timeout NaN", "push p.swfw --limit a,,b",
      "push p.swfw --confirm-timeout 1.", "push p.swfw --drain-timeout .5", "push p.swfw --connect-timeout 1.2.3",
      "push p.swfw --forks 1234567890", "push p.swfw --command-timeout 1.1234567890",
      "push p.swfw --limit ,a", "push p.swfw -h", "push p.swfw --nosuch", "push @args", "plan p.swfw"})
  void leavesEverythingElseToPicocli(String line) {
    assertNull(QuickStart.parse(line.split(" "), out, err), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"compile P --stdout", "compile P --live --stdout --node worker", "compile P --node nosuch",
      "check P", "check P --dump-ast", "compile BAD", "check BAD", "check MISSING", "compile MISSING --stdout",
      "push P", "push BAD", "push MISSING", "push P --output xml", "push P --confirm-timeout 0", "push P --limit nosuch"})
  void printsAndExitsLikePicocli(String line, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("p.swfw"), POLICY);
    Files.writeString(dir.resolve("bad.swfw"), "node master allow tcp 99999;\n");
    String[] args = line.replace("P", dir.resolve("p.swfw").toString()).replace("BAD", dir.resolve("bad.swfw").toString())
        .replace("MISSING", dir.resolve("missing.swfw").toString()).split(" ");
    assertNotNull(QuickStart.parse(args, out, err), line);
    assertEquals(runThroughPicocli(args), runQuickly(args), line);
  }

  private static String runQuickly(String[] args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Integer code = QuickStart.run(args, new PrintWriter(o), new PrintWriter(e));
    return code + "\n--- out\n" + o + "--- err\n" + e;
  }

  private static String runThroughPicocli(String[] args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Cli.create(args, new PrintWriter(o), new PrintWriter(e)).execute(args);
    return code + "\n--- out\n" + o + "--- err\n" + e;
  }

  /** Every field picocli sets from the command line, by name (those of mixins too). */
  private static List<String> optionFields(Object command) throws IllegalAccessException {
    List<String> fields = new ArrayList<>();
    for (Field f : command.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
        f.setAccessible(true);
        fields.add(f.getName() + "=" + f.get(command));
      } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
        f.setAccessible(true);
        for (String inner : optionFields(f.get(command))) {
          fields.add(f.getName() + "." + inner);
        }
      }
    }
    return fields;
  }
}
