package swfw.dsl.fmt;

import java.nio.file.Path;
import java.util.Optional;
import swfw.diag.DiagnosticRenderer;
import swfw.diag.Diagnostics;
import swfw.diag.SourceFile;
import swfw.dsl.parse.PolicyParser;

/**
 * The canonical layout of a policy ({@code swfw fmt}). Works on the token stream, comments
 * included, so nothing the user wrote is lost; refuses text with syntax errors, since there the
 * structure the layout follows is unknown.
 */
public final class Formatter {
  private Formatter() {}

  /** A formatted text, or the syntax errors that prevented formatting. */
  public record Result(SourceFile source, Optional<String> formatted, Diagnostics diagnostics) {
    /** True when the text was formatted and differs from the source. */
    public boolean changed() {
      return formatted.isPresent() && !formatted.get().equals(source.text());
    }

    public String renderDiagnostics() {
      return new DiagnosticRenderer(p -> source).renderAll(diagnostics.sorted());
    }
  }

  /** Formats {@code text}; {@code file} is the name diagnostics use. */
  public static Result format(Path file, String text) {
    Diagnostics diagnostics = new Diagnostics();
    SourceFile source = new SourceFile(file, text);
    if (PolicyParser.parse(file, text, diagnostics).isEmpty()) {
      return new Result(source, Optional.empty(), diagnostics);
    }
    return new Result(source, Optional.of(new Layout(Piece.of(text)).run()), diagnostics);
  }
}
