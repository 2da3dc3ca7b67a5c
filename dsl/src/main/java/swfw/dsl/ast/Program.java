package swfw.dsl.ast;

import java.nio.file.Path;
import java.util.List;

/** The statements of one parsed file, in source order. */
public record Program(Path file, List<Stmt> statements) {
  public Program {
    statements = List.copyOf(statements);
  }
}
