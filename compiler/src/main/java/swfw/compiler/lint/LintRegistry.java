package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import swfw.diag.Severity;

/** Every lint, in code order. Adding a lint is adding it here (and a section to docs/lints.md). */
public final class LintRegistry {
  private static final List<Lint> ALL = List.of(
      new LockedOutHost(),
      new ShadowedRule(),
      new DuplicateRule(),
      new OverriddenRule(),
      new SwarmControlPortOpen(),
      new VxlanPortOpen(),
      new EspOpen(),
      new EmptySetInRule(),
      new UnusedLet(),
      new PublishWithoutGuard(),
      new RuleInNoFamily());

  private LintRegistry() {}

  public static List<Lint> all() {
    return ALL;
  }

  /** Every lint code, including those of the suppression directives themselves. */
  public static List<LintCode> codes() {
    List<LintCode> out = new ArrayList<>();
    ALL.forEach(l -> out.add(l.describe()));
    out.add(new LintCode(Suppressions.BAD_DIRECTIVE, Severity.WARNING,
        "a 'swfw:ignore' directive without a reason, or for a code that is not a lint"));
    out.add(new LintCode(Suppressions.UNUSED_DIRECTIVE, Severity.WARNING,
        "a 'swfw:ignore' directive that suppresses nothing"));
    return out;
  }

  public static Optional<LintCode> code(String code) {
    return codes().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** "SW4001-SW4011": the codes a directive may name. */
  static String suppressibleRange() {
    return ALL.get(0).code() + "-" + ALL.get(ALL.size() - 1).code();
  }

  /** Whether {@code code} names a lint a directive may suppress. */
  static boolean suppressible(String code) {
    return ALL.stream().anyMatch(l -> l.code().equals(code));
  }
}
