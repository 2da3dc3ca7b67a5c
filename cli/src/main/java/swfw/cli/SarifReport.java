package swfw.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import swfw.compiler.explain.Expectations;
import swfw.compiler.lint.LintCode;
import swfw.compiler.lint.LintRegistry;
import swfw.diag.Diagnostic;
import swfw.diag.Span;

/**
 * {@code swfw check --format sarif}: a minimal, valid SARIF 2.1.0 log that GitHub code scanning shows
 * inline. One run; the driver lists every lint code and every other code found, each with a link to its
 * documentation. Suppressed and overridden findings are left out: GitHub code scanning would show a
 * result that carries SARIF {@code suppressions} as an open alert all the same.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** Where the docs are published: the one place to change when the project moves. */
  /**
   * Where the project's docs are published, for rule links; SARIF wants absolute URIs and swfw has no
   * public home of its own, so the links appear only when SWFW_DOCS_URL says where docs/ lives.
   */
  static final String DOCS = System.getenv("SWFW_DOCS_URL");
  static final String EXPECTATION_SUMMARY = "an 'expect' statement does not hold on the generated rules";

  private SarifReport() {}

  static String render(List<FileCheck> checks, String version) {
    Map<String, Map<String, Object>> rules = new TreeMap<>();
    for (LintCode c : LintRegistry.codes()) {
      rules.put(c.code(), rule(c.code(), c.summary(), c.severity().label(), "lints.md"));
    }
    rules.put(Expectations.CODE, rule(Expectations.CODE, EXPECTATION_SUMMARY, "error", "lints.md"));
    for (FileCheck c : checks) {
      for (Diagnostic d : c.diagnostics()) {
        // diagnostics.md's headings carry titles, so its anchors are not the bare code: link the page.
        rules.computeIfAbsent(d.code(), code -> rule(code, d.message(), d.severity().label(), "diagnostics.md"));
      }
    }
    List<String> ids = new ArrayList<>(rules.keySet());
    List<Object> results = new ArrayList<>();
    for (FileCheck c : checks) {
      for (Diagnostic d : c.diagnostics()) {
        results.add(result(d, ids));
      }
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "swfw");
    driver.put("version", version);
    if (DOCS != null) {
      driver.put("informationUri", DOCS + "lints.md");
    }
    driver.put("rules", new ArrayList<>(rules.values()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return Json.write(log);
  }

  private static Map<String, Object> rule(String code, String summary, String level, String doc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", code);
    m.put("shortDescription", Map.of("text", summary));
    String anchor = doc + (doc.equals("lints.md") ? "#" + code.toLowerCase(java.util.Locale.ROOT) : "");
    m.put("help", Map.of("text", "see docs/" + anchor));
    if (DOCS != null) {
      m.put("helpUri", DOCS + anchor);
    }
    m.put("defaultConfiguration", Map.of("level", level));
    return m;
  }

  private static Map<String, Object> result(Diagnostic d, List<String> ids) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", d.code());
    m.put("ruleIndex", ids.indexOf(d.code()));
    m.put("level", d.severity().label());
    m.put("message", Map.of("text", text(d)));
    m.put("locations", List.of(location(d.span())));
    return m;
  }

  /** The message, then its notes and hints as the text renderer shows them. */
  private static String text(Diagnostic d) {
    StringBuilder b = new StringBuilder(d.message());
    for (String note : d.notes()) {
      b.append('\n').append(NoteLabels.labelled(note));
    }
    return b.toString();
  }

  private static Map<String, Object> location(Span s) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", Math.max(1, s.line()));
    region.put("startColumn", Math.max(1, s.column()));
    region.put("endColumn", Math.max(1, s.column()) + Math.max(1, s.length()));
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", WorkingDirectory.uri(s.file())));
    physical.put("region", region);
    return Map.of("physicalLocation", physical);
  }
}
