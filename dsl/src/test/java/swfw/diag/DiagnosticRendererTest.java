package swfw.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  private static final Path FILE = Path.of("cluster.swfw");

  private static String render(String text, Diagnostic d) {
    return new DiagnosticRenderer(p -> p.equals(FILE) ? new SourceFile(FILE, text) : null).render(d);
  }

  @Test
  void rendersHeaderSourceLineCaretAndHelp() {
    String text = "let admins = { 198.51.100.0/24 };\n  allow tcp 22 on eth0 from admns;\n";
    Diagnostic d = Diagnostic.error("SW1001", Span.of(FILE, 2, 29, 5), "unknown address set 'admns'",
        "did you mean 'admins'?");
    assertEquals("""
        cluster.swfw:2:29: error[SW1001]: unknown address set 'admns'
         2 |   allow tcp 22 on eth0 from admns;
           |                             ^~~~~
           = help: did you mean 'admins'?
        """, render(text, d));
  }

  @Test
  void labelsNotesThatNameAPlaceAndTreatsEveryOtherNoteAsHelp() {
    Diagnostic d = Diagnostic.error("SW2015", Span.of(FILE, 1, 1, 5), "'from' is given twice",
        "list several values in one clause: 'from { a, b }'", "note: first defined at cluster.swfw:1:5");
    assertEquals("""
        cluster.swfw:1:1: error[SW2015]: 'from' is given twice
         1 | allow
           | ^~~~~
           = help: list several values in one clause: 'from { a, b }'
           = note: first defined at cluster.swfw:1:5
        """, render("allow", d));
  }

  @Test
  void copiesTabsIntoTheCaretLineSoTheCaretStaysAligned() {
    Diagnostic d = Diagnostic.warning("SW2004", Span.of(FILE, 1, 3, 4), "w");
    assertEquals("cluster.swfw:1:3: warning[SW2004]: w\n 1 | \t\tabcd\n   | \t\t^~~~\n", render("\t\tabcd", d));
  }

  @Test
  void rendersAWholeFileDiagnosticWithoutALine() {
    Diagnostic d = Diagnostic.error("SW0008", Span.wholeFile(FILE), "this is not a policy file",
        "policy files are UTF-8 text");
    assertEquals("cluster.swfw: error[SW0008]: this is not a policy file\n   = help: policy files are UTF-8 text\n",
        render("\0\0", d));
  }

  @Test
  void clampsACaretPastTheEndOfTheLine() {
    Diagnostic d = Diagnostic.error("SW0002", Span.of(FILE, 1, 12, 1), "expected ';'");
    assertEquals("cluster.swfw:1:12: error[SW0002]: expected ';'\n 1 | allow tcp\n   |          ^\n",
        render("allow tcp", d));
  }

  @Test
  void showsControlCharactersAsQuestionMarks() {
    Diagnostic d = Diagnostic.error("SW0005", Span.of(FILE, 1, 7, 1), "unexpected character '\\u0007'");
    assertEquals("cluster.swfw:1:7: error[SW0005]: unexpected character '\\u0007'\n 1 | allow ?;\n   |       ^\n",
        render("allow \u0007;", d));
  }

  @Test
  void widensTheGutterForLongLineNumbers() {
    String text = "x\n".repeat(1233) + "allow";
    Diagnostic d = Diagnostic.error("SW0003", Span.of(FILE, 1234, 1, 5), "m");
    assertEquals("cluster.swfw:1234:1: error[SW0003]: m\n 1234 | allow\n      | ^~~~~\n", render(text, d));
  }

  @Test
  void omitsTheSourceOfAFileItCannotRead() {
    Diagnostic d = Diagnostic.error("SW1006", Span.of(Path.of("gone.swfw"), 3, 1, 1), "m");
    assertEquals("gone.swfw:3:1: error[SW1006]: m\n", render("", d));
  }

  @Test
  void rendersAllInTheGivenOrder() {
    Diagnostic a = Diagnostic.error("SW0001", Span.of(FILE, 1, 1, 1), "a");
    Diagnostic b = Diagnostic.warning("SW0002", Span.of(FILE, 1, 1, 1), "b");
    assertEquals(render("x", a) + render("x", b),
        new DiagnosticRenderer(p -> new SourceFile(FILE, "x")).renderAll(List.of(a, b)));
  }
}
