package swfw.dsl.load;

import java.nio.file.Path;
import java.util.List;
import swfw.diag.SourceFile;
import swfw.dsl.ast.Program;
import swfw.dsl.ast.Stmt;

/** A policy and its includes: the files' texts, their ASTs, and all statements in order, includes expanded. */
public record LoadedPolicy(Path root, List<SourceFile> sources, List<Program> programs, List<Stmt> statements) {
  public LoadedPolicy {
    sources = List.copyOf(sources);
    programs = List.copyOf(programs);
    statements = List.copyOf(statements);
  }

  public SourceFile source(Path file) {
    for (SourceFile s : sources) {
      if (s.path().equals(file)) {
        return s;
      }
    }
    return null;
  }
}
