package swfw.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.dsl.fmt.Formatter;
import swfw.dsl.load.PolicyLoader;

@Command(name = "fmt", description = {"Rewrite policy files in the canonical layout, comments kept where they were.",
    "Prints the names of the files it changed. Files with syntax errors are left alone."},
    footer = ExitCodes.HELP)
final class FmtCommand implements Callable<Integer> {
  /** What diagnostics and --check call standard input. */
  static final Path STDIN_NAME = Path.of("<stdin>");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Policy files, folders (every .swfw file below them), or '-': standard input to standard output.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing: print the files that are not formatted, exit 1 if there are any.")
  boolean check;

  /** Standard input; tests put their own here. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    int code = ExitCodes.OK;
    for (Path arg : files) {
      code = Math.max(code, arg.toString().equals("-") ? standardInput() : argument(arg));
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return code;
  }

  private int standardInput() {
    byte[] bytes;
    try {
      bytes = stdin.readAllBytes();
    } catch (IOException e) {
      return fail("cannot read standard input: " + e.getMessage());
    }
    Formatter.Result result = format(STDIN_NAME, bytes);
    if (result == null) {
      return ExitCodes.POLICY;
    }
    if (check) {
      return changed(result, STDIN_NAME);
    }
    spec.commandLine().getOut().print(result.formatted().orElseThrow());
    return ExitCodes.OK;
  }

  private int file(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return fail("cannot read '" + file + "': no such file");
    } catch (IOException e) {
      return fail("cannot read '" + file + "': " + e.getClass().getSimpleName());
    }
    Formatter.Result result = format(file, bytes);
    if (result == null) {
      return ExitCodes.POLICY;
    }
    if (!result.changed()) {
      return ExitCodes.OK;
    }
    if (check) {
      return changed(result, file);
    }
    try {
      // Written in place, not replaced: permissions, owner and symbolic links stay as they were.
      Files.writeString(file, result.formatted().orElseThrow(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return fail("cannot write '" + file + "': " + e.getClass().getSimpleName());
    }
    spec.commandLine().getOut().println(file);
    return ExitCodes.OK;
  }

  /** The formatted text, or null after reporting why there is none. */
  private Formatter.Result format(Path name, byte[] bytes) {
    Formatter.Result result = Formatter.format(name, PolicyLoader.decode(bytes));
    PrintWriter err = spec.commandLine().getErr();
    if (result.formatted().isEmpty()) {
      err.print(result.renderDiagnostics());
      err.println(Reporter.summary(name.toString(), result.diagnostics().errorCount(), 0) + "; not formatted");
      return null;
    }
    if (!isUtf8(bytes)) {
      // Invalid bytes in a comment or a string would be rewritten as U+FFFD: refuse rather than lose them.
      fail("cannot format '" + name + "': it is not UTF-8 text");
      return null;
    }
    return result;
  }

  private int changed(Formatter.Result result, Path name) {
    if (!result.changed()) {
      return ExitCodes.OK;
    }
    spec.commandLine().getOut().println(name);
    return ExitCodes.POLICY;
  }

  /** A file, or a folder: every .swfw file below it, in sorted order. */
  private int argument(Path arg) {
    if (!Files.isDirectory(arg)) {
      return file(arg);
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(arg)) {
      found = walk.filter(p -> p.getFileName().toString().endsWith(".swfw") && Files.isRegularFile(p))
          .sorted().collect(Collectors.toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      return fail("cannot read folder '" + arg + "': " + e.getClass().getSimpleName());
    }
    int code = ExitCodes.OK;
    for (Path file : found) {
      code = Math.max(code, file(file));
    }
    return code;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("swfw: error: " + message);
    return ExitCodes.POLICY;
  }
}
