package swfw.dsl.fmt;

import java.nio.file.Path;
import swfw.diag.Diagnostics;
import swfw.dsl.ast.AstPrinter;
import swfw.dsl.parse.PolicyParser;

/** The syntax tree of a text as a dump without positions, for comparing trees of differently laid out texts. */
final class Trees {
  private Trees() {}

  static String withoutPositions(String text) {
    return PolicyParser.parse(Path.of("t.swfw"), text, new Diagnostics())
        .map(p -> AstPrinter.print(p.statements()).replaceAll("(?m)^( *)\\d+:\\d+ ", "$1"))
        .orElse("<syntax errors>");
  }
}
