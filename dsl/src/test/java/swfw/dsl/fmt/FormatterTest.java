package swfw.dsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import swfw.dsl.gen.ExampleFiles;

class FormatterTest {
  private static String fmt(String text) {
    Formatter.Result r = Formatter.format(Path.of("t.swfw"), text);
    assertTrue(r.formatted().isPresent(), () -> "refused:\n" + r.renderDiagnostics());
    return r.formatted().get();
  }

  @Test
  void formatsMessyPolicy() throws IOException {
    try (InputStream in = FormatterTest.class.getResourceAsStream("messy.swfw")) {
      String messy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Approvals.verify(fmt(messy));
    }
  }

  @Test
  void leavesTheExamplesAsTheyAre() {
    Path cluster = ExampleFiles.projectRoot().resolve("examples/swarm/cluster.swfw");
    String text = ExampleFiles.read(cluster);
    assertEquals(text, fmt(text));
  }

  @Test
  void keepsTrailingCommentOnItsStatementsLine() {
    assertEquals("allow tcp 22;  # ssh\nallow tcp 80;\n", fmt("allow   tcp 22 ;# ssh\n   allow tcp 80;"));
  }

  @Test
  void alignsTrailingCommentsOfConsecutiveLines() {
    assertEquals("public eth0;        # guarded\ntrust ens11;        # trusted\nallow tcp 22, 443;  # in\n",
        fmt("public eth0; # guarded\ntrust ens11;      # trusted\nallow tcp 22,443; # in\n"));
  }

  @Test
  void indentsOwnLineCommentsLikeTheStatementAfterThem() {
    assertEquals("node a {\n  # first\n  allow tcp 22;\n  # last\n}\n# after\n",
        fmt("node a {\n# first\nallow tcp 22;\n        # last\n}\n   # after"));
  }

  @Test
  void keepsAtMostOneBlankLineBetweenStatements() {
    assertEquals("allow tcp 22;\n\nallow tcp 80;\n", fmt("\n\n\nallow tcp 22;\n\n\n\nallow tcp 80;\n\n\n"));
  }

  @Test
  void dropsBlankLinesAtTheStartAndEndOfABlock() {
    assertEquals("node a {\n  allow tcp 22;\n}\n", fmt("node a {\n\n\n  allow tcp 22;\n\n}"));
  }

  @Test
  void putsOneStatementPerLine() {
    assertEquals("node worker allow tcp 22 on eth0;\ntrust ens11;\n", fmt("node worker allow tcp 22 on eth0; trust ens11;"));
  }

  @Test
  void keepsOneStatementNodesOnOneLine() {
    assertEquals("node edge allow tcp 443 from any;\n", fmt("node edge\n  allow tcp\n 443 from any;"));
  }

  @Test
  void indentsNodeBodiesByTwoSpaces() {
    assertEquals("node m {\n  allow tcp 22;\n  deny udp 53;\n}\n", fmt("node m { allow tcp 22;\n\t\tdeny udp 53; }"));
  }

  @Test
  void spacesTokensCanonically() {
    assertEquals("let p = { 80, 443, 8000-8100 };\nallow icmp echo-request limit 8/second burst 10 \"ping\";\n",
        fmt("let p={80 ,443,8000 - 8100};allow icmp echo-request limit 8 /second burst 10\"ping\";"));
  }

  @Test
  void dropsTheTrailingCommaOfASetOnOneLine() {
    assertEquals("let p = { 80, 443 };\n", fmt("let p = { 80, 443, };"));
  }

  @Test
  void keepsASetWrittenOverSeveralLinesSoWithATrailingComma() {
    assertEquals("let a = {\n  10.0.0.1, 10.0.0.2,  # two\n  10.0.0.3,\n};\n",
        fmt("let a = { 10.0.0.1,10.0.0.2, # two\n      10.0.0.3 };"));
  }

  @Test
  void breaksARuleOnlyWhereACommentEndsALine() {
    assertEquals("allow tcp 22  # why\n    from any;\n", fmt("allow\ntcp 22 # why\nfrom\nany;"));
  }

  @Test
  void joinsPunctuationToTheTokenBeforeATrailingComment() {
    assertEquals("allow tcp 22;  # why\n", fmt("allow tcp 22 # why\n;"));
  }

  @Test
  void endsWithExactlyOneNewline() {
    assertEquals("allow tcp 22;\n", fmt("allow tcp 22;"));
    assertEquals("# only a comment\n", fmt("# only a comment   \n\n\n"));
    assertEquals("", fmt("\n \n\t\n"));
  }

  @Test
  void writesUnixLineEnds() {
    assertEquals("allow tcp 22;\n\nallow tcp 80;\n", fmt("allow tcp 22;\r\n\r\nallow tcp 80;\r\n"));
  }

  @Test
  void changesNothingInFormattedText() {
    String text = "# header\n\nlet web = tcp { http, https };\n\nnode m {\n  allow web;  # web\n}\n";
    Formatter.Result r = Formatter.format(Path.of("t.swfw"), text);
    assertFalse(r.changed());
    assertEquals(text, r.formatted().orElseThrow());
  }

  @Test
  void refusesTextWithSyntaxErrors() {
    Formatter.Result r = Formatter.format(Path.of("bad.swfw"), "allow tcp 22\nallow tcp 80;\n");
    assertTrue(r.formatted().isEmpty());
    assertFalse(r.changed());
    assertTrue(r.diagnostics().hasErrors());
    assertTrue(r.renderDiagnostics().startsWith("bad.swfw:1:"), r.renderDiagnostics());
  }
}
