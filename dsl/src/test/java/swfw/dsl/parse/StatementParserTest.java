package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import swfw.diag.DiagnosticRenderer;
import swfw.diag.Diagnostics;
import swfw.diag.SourceFile;
import swfw.dsl.ast.AstPrinter;
import swfw.dsl.gen.Mutations;
import swfw.dsl.gen.PolicyGenerator;

/**
 * Statement by statement, with trees reused across statements of one shape, and on two threads, the
 * parser builds what the whole-text parse builds: the same records, every span included.
 */
class StatementParserTest {
  private static final Path FILE = Path.of("p.swfw");

  @Test
  void cutsAfterSemicolonsOutsideBracesAndAfterNodeBlocks() {
    String text = "let a = { 1, 2 };\nnode m { allow tcp 22; allow tcp { 80, 443 }; }\nnode w allow tcp 80;\ntrust ens11;";
    assertArrayEquals(new int[] {9, 25, 31, 34}, StatementParser.statementEnds(PolicyParser.parserTokens(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"allow tcp 22", "node m { allow tcp 22;", "allow tcp 22; }", "let a = { 1, 2 ;"})
  void refusesTextThatDoesNotEndAtAStatementsEnd(String text) {
    assertNull(StatementParser.statementEnds(PolicyParser.parserTokens(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"node m { allow tcp 22; } allow tcp 80;", "let a = { 10.0.0.1 } ;\nallow tcp 22 from a;",
      "node m\n  allow tcp 22 \"x\";", "host h role m address 10.0.0.1 user u port 22 key \"k\";",
      "allow tcp 22 \"\uD83D\uDD25\"; # \uD83D\uDE00\nallow tcp 23 \"\uD83D\uDD25\" ;"})
  void buildsTheSameStatementsAsTheWholeTextParse(String text) {
    assertSameParse(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"allow tcp 22\nallow udp 53;", "node m { allow tcp from; }", "let = 3;", "allow tcp 22; }",
      "node m { node w { } }", "allow tcp 22 \"a\" \"b\";", "publish out tcp 80;"})
  void reportsTheSameSyntaxErrorsAsTheWholeTextParse(String text) {
    assertSameParse(text);
  }

  @ParameterizedTest
  @MethodSource("policyFiles")
  void parsesEveryPolicyFileInTheProjectAsTheWholeTextParseDoes(Path file) throws IOException {
    assertSameParse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  static Stream<Path> policyFiles() throws IOException {
    return ScannerTest.policyFiles();
  }

  @Property(tries = 100)
  void parsesGeneratedPoliciesAsTheWholeTextParseDoes(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 80) int statements) {
    assertSameParse(PolicyGenerator.generate(seed, statements));
    assertSameParse(PolicyGenerator.generateMessy(seed, statements));
  }

  @Property(tries = 300)
  void parsesMutatedGeneratedPoliciesAsTheWholeTextParseDoes(@ForAll long seed) {
    // Damage that keeps a text parseable makes shapes the generator never writes.
    Random random = new Random(seed);
    String text = PolicyGenerator.generateMessy(seed, 30);
    assertSameParse(Mutations.mutate(text + text, random));
  }

  @Test
  void reusesAShapesTreeForStatementsWithOtherTextsAndPlaces() {
    assertSameParse("allow tcp 22 from 10.0.0.1;\n  allow  tcp 2222 from 10.10.10.10/32 \"a\";\n"
        + "allow tcp 22 from 10.0.0.1 \"bb\";allow udp 53 from x;\n\n\t\tdeny icmp echo-request from any;\n"
        + "allow;reject;\nallow tcp 1-2;allow tcp 100-200;\nnode m { allow tcp 1; }\nnode n { allow udp 2; }");
  }

  @Test
  void parsesTheStatementsOfNodeBlocksByShape() {
    assertSameParse("node m {\n  allow tcp 1;\n  allow tcp { 1, 2 } from { a, b } \"x\";\n  allow tcp 2;\n}\n"
        + "node n { }\nnode o {allow;allow;public eth0;}node p{expect drop tcp 22 from {10.0.0.1};}");
    assertSameParse("node m { allow tcp 1; allow tcp 2 }");
    assertSameParse("node m { allow tcp 1; { } }");
  }

  @Test
  void parsesABigPolicyOnTwoThreadsAsTheWholeTextParseDoes() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append(PolicyGenerator.generate(i, 40)).append('\n');
      for (int j = 0; j < 60; j++) {
        text.append("allow tcp ").append(1 + i * 60 + j).append(" from 10.0.").append(i).append('.').append(j).append(";\n");
      }
    }
    String policy = text.toString();
    assertTrue(StatementParser.statementEnds(PolicyParser.parserTokens(policy)).length > 2 * StatementParser.PARALLEL_THRESHOLD);
    assertSameParse(policy);
  }

  private static void assertSameParse(String text) {
    assertEquals(parsed(text, true), parsed(text, false), text);
    assertEquals(PolicyParser.parse(FILE, text, new Diagnostics(), true),
        PolicyParser.parse(FILE, text, new Diagnostics(), false), text);
  }

  /** The AST, or the diagnostics when there is none. */
  private static String parsed(String text, boolean wholeText) {
    Diagnostics diags = new Diagnostics();
    var program = PolicyParser.parse(FILE, text, diags, wholeText);
    String rendered = new DiagnosticRenderer(f -> new SourceFile(FILE, text))
        .renderAll(diags.sorted());
    return program.map(p -> AstPrinter.print(p.statements())).orElse("(no program)\n") + rendered;
  }
}
