package swfw.compiler.lint;

import swfw.diag.Diagnostic;
import swfw.diag.Span;

/** A finding a {@code # swfw:ignore CODE -- reason} directive suppressed, with the directive's reason. */
public record Suppressed(Diagnostic finding, Span directive, String reason) {}
