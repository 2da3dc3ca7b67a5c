package swfw.compiler.lint;

import java.util.List;
import swfw.dsl.check.Resolved;

/** Wording shared by the lints about rules that never match. */
final class CoverageMessages {
  private CoverageMessages() {}

  /** "the rule at main.swfw:4 already accepts" or "the rules at a.swfw:3, a.swfw:5 already decide". */
  static String coverers(LintContext policy, Coverage.Covered c) {
    List<Resolved.Filter> by = c.coverers().stream().map(policy.filters()::get).toList();
    String where = String.join(", ", c.coverers().stream().map(policy::location).toList());
    boolean same = by.stream().allMatch(f -> Coverage.verdict(f).equals(Coverage.verdict(by.get(0))));
    String verb = same ? verb(by.get(0)) : "decide";
    return (by.size() == 1 ? "the rule at " : "the rules at ") + where + " already " + verb
        + (by.size() == 1 && !verb.equals("decide") ? "s" : "") + " every packet this one would match";
  }

  private static String verb(Resolved.Filter f) {
    return switch (Coverage.verdict(f)) {
      case "drop" -> "drop";
      case "reject" -> "reject";
      default -> "accept";
    };
  }

  /** A note when a coverer is rate-limited: its excess packets are dropped, not passed on. */
  static String[] withLimitNote(boolean limited, String... notes) {
    if (!limited) {
      return notes;
    }
    String[] out = new String[notes.length + 1];
    out[0] = "note: a rate-limited rule decides every packet it matches: those over the limit are dropped";
    System.arraycopy(notes, 0, out, 1, notes.length);
    return out;
  }

  static String kindOf(Resolved.Filter f) {
    return switch (f.verb()) {
      case PUBLISH -> "publish";
      case DENY -> "deny";
      case REJECT -> "reject";
      default -> "allow";
    };
  }
}
