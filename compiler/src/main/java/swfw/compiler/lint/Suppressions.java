package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
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

  /** The well-formed directives, in the order of the files and their lines. */
  List<Directive> directives() {
    return directives;
  }

  /** The findings left after suppression, directive problems added, and the suppressed ones. */
  LintReport apply(List<Diagnostic> findings) {
    List<Diagnostic> shown = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    Set<Directive> used = new LinkedHashSet<>();
    List<Optional<Directive>> by = suppressors(findings);
    for (int i = 0; i < findings.size(); i++) {
      Diagnostic d = findings.get(i);
      by.get(i).ifPresentOrElse(x -> {
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

  /**
   * Per finding, the first directive that suppresses it, if any. Per file and code, the findings in line
   * order meet the directives whose lines have begun and not ended: one sweep, not every directive per finding.
   */
  List<Optional<Directive>> suppressors(List<Diagnostic> findings) {
    Map<List<Object>, List<Integer>> directivesBy = new HashMap<>();
    for (int i = 0; i < directives.size(); i++) {
      Directive x = directives.get(i);
      for (String code : x.codes()) {
        directivesBy.computeIfAbsent(List.of(x.comment().span().file(), code), k -> new ArrayList<>()).add(i);
      }
    }
    Map<List<Object>, List<Integer>> findingsBy = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      Diagnostic d = findings.get(i);
      findingsBy.computeIfAbsent(List.of(d.span().file(), d.code()), k -> new ArrayList<>()).add(i);
    }
    List<Optional<Directive>> out = new ArrayList<>(Collections.nCopies(findings.size(), Optional.empty()));
    findingsBy.forEach((key, found) -> sweep(directivesBy.getOrDefault(key, List.of()), found, findings, out));
    return out;
  }

  /** For each of {@code found} (finding numbers), the first of {@code candidates} (directive numbers) on its line. */
  private void sweep(List<Integer> candidates, List<Integer> found, List<Diagnostic> findings,
      List<Optional<Directive>> out) {
    List<Integer> byStart = new ArrayList<>(candidates);
    byStart.sort(Comparator.comparingInt(i -> directives.get(i).comment().firstLine()));
    List<Integer> byLine = new ArrayList<>(found);
    byLine.sort(Comparator.comparingInt(i -> findings.get(i).span().line()));
    PriorityQueue<Integer> byEnd =
        new PriorityQueue<>(Comparator.comparingInt(i -> directives.get(i).comment().lastLine()));
    TreeSet<Integer> open = new TreeSet<>();
    int next = 0;
    for (int f : byLine) {
      int line = findings.get(f).span().line();
      for (; next < byStart.size() && directives.get(byStart.get(next)).comment().firstLine() <= line; next++) {
        open.add(byStart.get(next));
        byEnd.add(byStart.get(next));
      }
      while (!byEnd.isEmpty() && directives.get(byEnd.peek()).comment().lastLine() < line) {
        open.remove(byEnd.poll());
      }
      if (!open.isEmpty()) {
        out.set(f, Optional.of(directives.get(open.first())));
      }
    }
  }

  /** Only findings of the lints themselves: errors of the front end and compiler cannot be waved away. */
  static boolean suppresses(Directive x, Diagnostic d) {
    Span s = d.span();
    return x.codes().contains(d.code()) && s.file().equals(x.comment().span().file()) && x.comment().annotates(s.line());
  }
}
