package swfw.dsl.ast;

import swfw.diag.Span;

/** An interface name as written; {@code quoted} when written as a string, which lets bad names reach the checker. */
public record Iface(Span span, String name, boolean quoted) {}
