package swfw.compiler.ir;

import swfw.dsl.check.Resolved;

/** An {@code expect} statement of a node role, checked against the generated rules. */
public record ExpectIr(String role, Resolved.Filter statement) {}
