package swfw.dsl.check;

import java.util.List;
import java.util.Optional;
import swfw.diag.Span;

/** A statement with every name resolved and every value checked. */
public sealed interface Resolved permits Resolved.Interfaces, Resolved.Filter {
  Span span();

  /** The node role it applies to, or empty for every role. */
  Optional<String> role();

  /** {@code public …} ({@code guarded}) or {@code trust …}. */
  record Interfaces(Span span, Optional<String> role, boolean guarded, List<String> names) implements Resolved {
    public Interfaces {
      names = List.copyOf(names);
    }
  }

  /** A rule, a publish exception or an expectation. */
  record Filter(Span span, Optional<String> role, Verb verb, boolean outbound, Match match,
      Optional<String> comment) implements Resolved {}

  enum Verb {
    ALLOW,
    DENY,
    REJECT,
    PUBLISH,
    EXPECT_ACCEPT,
    EXPECT_DROP;

    public boolean isExpectation() {
      return this == EXPECT_ACCEPT || this == EXPECT_DROP;
    }
  }
}
