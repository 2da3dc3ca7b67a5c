package swfw.compiler.explain;

import java.util.Optional;

/** What the model did with a packet, without the path: the verdict and the rule that decided it. */
public record Outcome(Trace.Verdict verdict, Optional<Trace.Step> decidedBy) {}
