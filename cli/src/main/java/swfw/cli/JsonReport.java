package swfw.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import swfw.compiler.lint.Suppressed;
import swfw.diag.Diagnostic;
import swfw.diag.Span;

/**
 * {@code swfw check --format json}: every diagnostic with its position, the suppressed findings with
 * their reasons, and a summary per file. Paths are relative to the working directory.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(List<FileCheck> checks) {
    List<Object> files = new ArrayList<>();
    List<Object> diagnostics = new ArrayList<>();
    List<Object> suppressed = new ArrayList<>();
    for (FileCheck c : checks) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", WorkingDirectory.path(c.file()));
      file.put("errors", c.errors());
      file.put("warnings", c.warnings());
      file.put("suppressed", c.suppressed().size() + c.overridden().size());
      files.add(file);
      c.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
      for (Suppressed s : c.suppressed()) {
        Map<String, Object> m = diagnostic(s.finding());
        m.put("reason", s.reason());
        m.put("suppressedBy", position(s.directive()));
        suppressed.add(m);
      }
      for (Diagnostic d : c.overridden()) {
        Map<String, Object> m = diagnostic(d);
        m.put("reason", FileCheck.OVERRIDE_REASON);
        m.put("suppressedBy", FileCheck.OVERRIDE_REASON);
        suppressed.add(m);
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", files);
    root.put("diagnostics", diagnostics);
    root.put("suppressed", suppressed);
    return Json.write(root);
  }

  private static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> m = position(d.span());
    m.put("endColumn", d.span().column() + Math.max(1, d.span().length()));
    m.put("severity", d.severity().label());
    m.put("code", d.code());
    m.put("message", d.message());
    m.put("notes", NoteLabels.labelled(d.notes()));
    return m;
  }

  private static Map<String, Object> position(Span s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", WorkingDirectory.path(s.file()));
    m.put("line", s.line());
    m.put("column", s.column());
    return m;
  }
}
