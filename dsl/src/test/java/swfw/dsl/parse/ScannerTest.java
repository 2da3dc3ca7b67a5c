package swfw.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import swfw.grammar.SwfwLexer;

/** The hand-written scanner against the lexer ANTLR generates from the grammar, token by token. */
class ScannerTest {
  /** Pieces random texts are made of: every token's first characters, and what sits between tokens. */
  private static final String[] PIECES = {
      "let", "lets", "include", "node", "host", "public", "trust", "allow", "deny", "reject", "publish", "expect",
      "accept", "drop", "out", "on", "from", "to", "limit", "burst", "tcp", "udp", "icmp", "icmpv6", "icmpv", "any",
      "role", "address", "user", "port", "key", "jump", "swarm", "eth0", "ens11", "a", "fe", "dead", "beef", "F", "x_y",
      "web-1", "n.a", "g+", "_", "0", "1", "22", "255", "8000", ".", "..", ":", "::", "/", "/24", "/x", "-", "+",
      "{", "}", ",", ";", "=", "\"", "\\", "\\\"", "#", "# note", " ", "  ", "\t", "\f", "\n", "\r", "\r\n",
      "é", "\ufffd", "\u0000", "€", "10.0.0.1", "1.2.3", "2001:db8::1/64", "::ffff:1.2.3.4", "\"str\"", "\"a\\",
  };

  @Test
  void givesTheGeneratedLexersTokensForASmallPolicy() {
    assertSameTokens("let a = { 10.0.0.0/8, fe80::1 };\nnode m {\n  allow tcp 22 from a \"ssh\"; # c\n}\r\n");
  }

  @Test
  void givesTheGeneratedLexersTokensForBadInput() {
    assertSameTokens("allow tcp 22 \"open\nport @ 1.2.3.4.5 :80 eth0:1 a:b icmpv6+ \"esc\\\"aped\" \"x\\");
  }

  @Test
  void keepsLinesAndColumnsAcrossLoneCarriageReturns() {
    assertSameTokens("allow\rtcp\r\n22\n\n  ;");
  }

  @Test
  void givesTheGeneratedLexersTokensForAnEmptyText() {
    assertSameTokens("");
  }

  @Test
  void leavesTextWithCharactersOutsideTheBasicPlaneToTheGeneratedLexer() {
    String text = "allow tcp 22 \"\uD83D\uDD25\"; # \uD83D\uDE00\n";
    assertInstanceOf(SwfwLexer.class, Scanner.of(text));
    assertSameTokens(text);
  }

  @ParameterizedTest
  @MethodSource("policyFiles")
  void givesTheGeneratedLexersTokensForEveryPolicyFileInTheProject(Path file) throws IOException {
    assertSameTokens(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  static Stream<Path> policyFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
      walk.filter(p -> p.toString().endsWith(".swfw") && !p.toString().contains("/target/")).sorted()
          .forEach(files::add);
    }
    assertTrue(files.size() > 50, "the project's policy files were not found: " + files.size());
    return files.stream();
  }

  @Property(tries = 2000)
  void givesTheGeneratedLexersTokensForRandomText(@ForAll("texts") String text) {
    assertSameTokens(text);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(pieces -> String.join("", pieces));
  }

  private static void assertSameTokens(String text) {
    SwfwLexer lexer = new SwfwLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    assertEquals(describe(lexer), describe(Scanner.of(text)), () -> "text: " + text.replace("\n", "\\n"));
  }

  private static List<String> describe(TokenSource source) {
    List<String> out = new ArrayList<>();
    for (Token t = source.nextToken(); ; t = source.nextToken()) {
      out.add(t.getType() + "@" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " "
          + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText());
      if (t.getType() == Token.EOF) {
        return out;
      }
    }
  }
}
