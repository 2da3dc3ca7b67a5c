package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import swfw.diag.Diagnostic;
import swfw.diag.SourceFile;
import swfw.diag.Span;
import swfw.dsl.parse.Comments;

/**
 * Per-statement suppression: {@code # swfw:ignore SW4002 -- legacy peer, see ticket 42} on the line
 * above a statement, or at the end of its last line, suppresses those lint findings on that statement.
 * The reason after {@code --} is required. A directive without one, or naming a code that is not a lint,
 * suppresses nothing and is itself a warning (SW4012); a directive that suppresses nothing is SW4013.
 */
final class Suppressions {
  static final String BAD_DIRECTIVE = "SW4012";
  static final String UNUSED_DIRECTIVE = "SW4013";
  static final String PREFIX = "swfw:ignore";
  private static final Pattern CODE = Pattern.compile("SW\\d{4}");
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  /** A well-formed directive. */
  record Directive(Comments.Comment comment, Set<String> codes, String reason) {}

  private final List<Directive> directives = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private Suppressions() {}

  static Suppressions read(List<SourceFile> sources) {
    Suppressions s = new Suppressions();
    for (SourceFile file : sources) {
      for (Comments.Comment c : Comments.of(file.path(), file.text())) {
        if (c.text().startsWith(PREFIX)) {
          s.parse(c);
        }
      }
    }
    return s;
  }

  private void parse(Comments.Comment c) {
    String rest = c.text().substring(PREFIX.length());
    int dashes = rest.indexOf("--");
    String codesText = (dashes < 0 ? rest : rest.substring(0, dashes)).trim();
    String reason = dashes < 0 ? "" : rest.substring(dashes + 2).trim();
    Set<String> codes = new LinkedHashSet<>();
    for (String code : codesText.isEmpty() ? new String[0] : SEPARATORS.split(codesText)) {
      if (!CODE.matcher(code).matches() || !LintRegistry.suppressible(code)) {
        problems.add(Diagnostic.warning(BAD_DIRECTIVE, c.span(), "'" + code + "' is not a lint code this directive can "
            + "suppress", "the lint codes are " + LintRegistry.suppressibleRange() + ", listed in docs/lints.md"));
        return;
      }
      codes.add(code);
    }
    if (codes.isEmpty()) {
      problems.add(Diagnostic.warning(BAD_DIRECTIVE, c.span(), "'swfw:ignore' names no code",
          "write '# swfw:ignore SW4002 -- why this is fine'"));
    } else if (reason.isEmpty()) {
      problems.add(Diagnostic.warning(BAD_DIRECTIVE, c.span(), "'swfw:ignore' needs a reason: it suppresses nothing "
          + "without one", "write the reason after '--': '# swfw:ignore " + String.join(", ", codes) + " -- why this is fine'"));
    } else if (c.firstLine() == 0) {
      problems.add(Diagnostic.warning(BAD_DIRECTIVE, c.span(), "'swfw:ignore' annotates no statement",
          "put it on the line right above the statement, or at the end of its last line"));
    } else {
      directives.add(new Directive(c, codes, reason));
    }
  }

  /** The findings left after suppression, directive problems added, and the suppressed ones. */
  LintReport apply(List<Diagnostic> findings) {
    List<Diagnostic> shown = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    Set<Directive> used = new LinkedHashSet<>();
    for (Diagnostic d : findings) {
      Optional<Directive> by = directives.stream().filter(x -> suppresses(x, d)).findFirst();
      by.ifPresentOrElse(x -> {
        used.add(x);
        suppressed.add(new Suppressed(d, x.comment().span(), x.reason()));
      }, () -> shown.add(d));
    }
    shown.addAll(problems);
    for (Directive x : directives) {
      if (!used.contains(x)) {
        shown.add(Diagnostic.warning(UNUSED_DIRECTIVE, x.comment().span(), "'swfw:ignore "
            + String.join(", ", x.codes()) + "' suppresses nothing here", "remove it: the finding it was for is gone"));
      }
    }
    return new LintReport(shown, suppressed);
  }

  /** Only findings of the lints themselves: errors of the front end and compiler cannot be waved away. */
  private static boolean suppresses(Directive x, Diagnostic d) {
    Span s = d.span();
    return x.codes().contains(d.code()) && s.file().equals(x.comment().span().file()) && x.comment().annotates(s.line());
  }
}
