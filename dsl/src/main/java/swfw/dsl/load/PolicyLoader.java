package swfw.dsl.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.diag.Diagnostics;
import swfw.diag.SourceFile;
import swfw.diag.Span;
import swfw.dsl.ast.Program;
import swfw.dsl.ast.Stmt;
import swfw.dsl.parse.PolicyParser;

/**
 * Reads a policy file and the files it includes, relative to the including file. A file included
 * twice is read once; an include that leads back to a file being read is an error.
 */
public final class PolicyLoader {
  public static final String CODE_INCLUDE_CYCLE = "SW1005";
  public static final String CODE_UNREADABLE = "SW1006";
  /** Files larger than this are refused rather than read into memory. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private final Diagnostics diagnostics;
  private final Map<Path, SourceFile> sources = new LinkedHashMap<>();
  private final Map<Path, Program> programs = new LinkedHashMap<>();
  private final Deque<Path> reading = new ArrayDeque<>();
  private final Set<Path> done = new HashSet<>();

  public PolicyLoader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Loads {@code root}; the statements have every include replaced by the included file's statements. */
  public LoadedPolicy load(Path root) {
    List<Stmt> statements = new ArrayList<>();
    read(root, Span.wholeFile(root)).ifPresent(p -> expand(p, statements));
    return new LoadedPolicy(root, List.copyOf(sources.values()), List.copyOf(programs.values()), statements);
  }

  /** Loads a policy given as text (standard input), with includes relative to {@code dir}. */
  public LoadedPolicy load(Path name, String text) {
    List<Stmt> statements = new ArrayList<>();
    sources.put(name, new SourceFile(name, text));
    reading.push(name);
    Optional<Program> program = PolicyParser.parse(name, text, diagnostics);
    program.ifPresent(p -> {
      programs.put(name, p);
      expand(p, statements);
    });
    reading.pop();
    return new LoadedPolicy(name, List.copyOf(sources.values()), List.copyOf(programs.values()), statements);
  }

  private void expand(Program program, List<Stmt> out) {
    reading.push(program.file());
    for (Stmt s : program.statements()) {
      if (s instanceof Stmt.Include inc) {
        include(program.file(), inc, out);
      } else {
        out.add(s);
      }
    }
    reading.pop();
    done.add(program.file());
  }

  private void include(Path from, Stmt.Include inc, List<Stmt> out) {
    Path dir = from.toAbsolutePath().getParent();
    Path target = normalize(dir == null ? Path.of(inc.path()) : dir.resolve(inc.path()), from);
    if (reading.contains(target)) {
      diagnostics.error(CODE_INCLUDE_CYCLE, inc.pathSpan(), "include cycle: '" + inc.path() + "' is already being read",
          "the chain is " + chain(target));
      return;
    }
    if (done.contains(target) || sources.containsKey(target)) {
      return;
    }
    read(target, inc.pathSpan()).ifPresent(p -> expand(p, out));
  }

  /** Keeps paths relative to the working directory when they were given that way, so messages stay short. */
  private static Path normalize(Path p, Path from) {
    Path n = p.normalize();
    if (!from.isAbsolute()) {
      Path cwd = Path.of("").toAbsolutePath();
      if (n.startsWith(cwd)) {
        return cwd.relativize(n);
      }
    }
    return n;
  }

  private String chain(Path target) {
    List<String> names = new ArrayList<>();
    List<Path> stack = new ArrayList<>(reading);
    java.util.Collections.reverse(stack);
    for (Path p : stack) {
      names.add(p.getFileName().toString());
    }
    names.add(target.getFileName().toString());
    return String.join(" -> ", names);
  }

  private Optional<Program> read(Path file, Span at) {
    String text;
    try {
      if (Files.isDirectory(file)) {
        diagnostics.error(CODE_UNREADABLE, at, "cannot read '" + file + "': it is a directory");
        return Optional.empty();
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        diagnostics.error(CODE_UNREADABLE, at, "cannot read '" + file + "': larger than 256 MiB");
        return Optional.empty();
      }
      text = decode(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      diagnostics.error(CODE_UNREADABLE, at, "cannot read '" + file + "': no such file");
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      diagnostics.error(CODE_UNREADABLE, at, "cannot read '" + file + "': " + e.getClass().getSimpleName());
      return Optional.empty();
    }
    sources.put(file, new SourceFile(file, text));
    Optional<Program> program = PolicyParser.parse(file, text, diagnostics);
    program.ifPresent(p -> programs.put(file, p));
    return program;
  }

  /** Invalid UTF-8 (binary garbage) becomes U+FFFD, which the lexer then reports as a bad character. */
  public static String decode(byte[] bytes) {
    // String's own decoding replaces as a decoder told to REPLACE does (PolicyLoaderTest), and for ASCII
    // text, most policies, it skips the decoder's buffer of chars: a big policy read twice over.
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
