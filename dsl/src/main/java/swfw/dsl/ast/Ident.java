package swfw.dsl.ast;

import swfw.diag.Span;

/** A name as written, with where it was written. */
public record Ident(String text, Span span) {}
