package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import swfw.diag.Diagnostics;
import swfw.dsl.ast.AstPrinter;

class PolicyParserTest {
  private static final Path FILE = Path.of("p.swfw");

  @Test
  void buildsEveryStatementInOrder() {
    Diagnostics d = new Diagnostics();
    String dump = AstPrinter.print(PolicyParser.parse(FILE, "let a = 10.0.0.1;\nnode m {\n  allow tcp 22 from a;\n}\n"
        + "node w allow tcp 80;\ntrust ens11;\n", d).orElseThrow().statements());
    assertEquals("== p.swfw\n1:1 let a = set [10.0.0.1]\n2:1 node m\n  3:3 allow proto=tcp ports=[22] from=[$a]\n"
        + "5:1 node w (one statement)\n  5:8 allow proto=tcp ports=[80]\n6:1 trust ens11\n", dump);
    assertEquals(0, d.errorCount());
  }

  @Test
  void buildsNothingFromTextWithSyntaxErrors() {
    Diagnostics d = new Diagnostics();
    assertTrue(PolicyParser.parse(FILE, "allow tcp 22;\nallow tcp from;\nallow udp 53;\n", d).isEmpty());
    assertEquals(1, d.errorCount());
  }

  @Test
  void buildsNothingFromTextWithSyntaxErrorsWhenTheDiagnosticsAreFullAlready() {
    Diagnostics full = new Diagnostics();
    for (int i = 0; i <= Diagnostics.MAX_ERRORS; i++) {
      full.error("SW0000", new swfw.diag.Span(FILE, 1, 1, 1), "earlier error");
    }
    assertTrue(PolicyParser.parse(FILE, "node m { allow tcp 22 from ; }\nallow tcp\n", full).isEmpty());
    assertTrue(PolicyParser.parse(FILE, "allow tcp 22; \"unterminated\n", full).isEmpty());
  }

  @Test
  void buildsNothingFromTextWithLexicalErrors() {
    Diagnostics d = new Diagnostics();
    assertTrue(PolicyParser.parse(FILE, "allow tcp 22 \"ssh;\n", d).isEmpty());
    assertTrue(PolicyParser.parse(FILE, "allow tcp 22; ` \n", d).isEmpty());
    assertTrue(d.errorCount() >= 2);
  }

  @Test
  void keepsAllTokensForTools() {
    assertEquals(8, PolicyParser.tokens("allow tcp; # c\n").size());
  }
}
