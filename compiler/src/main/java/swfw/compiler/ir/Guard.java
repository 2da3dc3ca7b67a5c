package swfw.compiler.ir;

import swfw.diag.Span;

/** An interface of a node and the statement that made it guarded or trusted. */
public record Guard(String iface, Span span) {}
