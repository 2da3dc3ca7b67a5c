package swfw.dsl.gen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.Token;
import swfw.dsl.load.PolicyLoader;
import swfw.dsl.parse.PolicyParser;

/**
 * Seeded damage to a policy text, for robustness properties: tokens or bytes deleted, inserted,
 * duplicated or swapped, and truncations. Bytes may end up as invalid UTF-8, as on disk.
 */
public final class Mutations {
  private static final List<String> TOKENS = List.of("{", "}", ";", ",", "=", "-", "/", "\"", "\"open", "#", "\n",
      "node", "let", "allow", "from", "to", "on", "limit", "include", "host", "any", "tcp", "icmpv6", "10.0.0.0/33",
      "::", "65536", "999999999999", "x", "\u0000", "\u00ff", "\t", "\r", "\"a\\\"");

  private Mutations() {}

  /** One to three random mutations of {@code text}. */
  public static String mutate(String text, Random random) {
    String out = text;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      out = random.nextBoolean() ? mutateTokens(out, random) : mutateBytes(out, random);
    }
    return out;
  }

  /** The text cut at a random byte (possibly inside a UTF-8 sequence). */
  public static String truncate(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    return PolicyLoader.decode(java.util.Arrays.copyOf(bytes, cut));
  }

  static String mutateTokens(String text, Random random) {
    List<String> tokens = new ArrayList<>();
    for (Token t : PolicyParser.tokens(text)) {
      if (t.getType() != Token.EOF) {
        tokens.add(t.getText());
      }
    }
    if (tokens.isEmpty()) {
      return TOKENS.get(random.nextInt(TOKENS.size()));
    }
    int i = random.nextInt(tokens.size());
    int j = random.nextInt(tokens.size());
    switch (random.nextInt(4)) {
      case 0 -> tokens.remove(i);
      case 1 -> tokens.add(i, random.nextBoolean() ? TOKENS.get(random.nextInt(TOKENS.size())) : tokens.get(j));
      case 2 -> tokens.add(i, tokens.get(i));
      default -> java.util.Collections.swap(tokens, i, j);
    }
    return String.join("", tokens);
  }

  static String mutateBytes(String text, Random random) {
    List<Byte> bytes = new ArrayList<>();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b);
    }
    int i = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
    int length = Math.min(bytes.size() - i, 1 + random.nextInt(8));
    switch (random.nextInt(4)) {
      case 0 -> bytes.subList(i, i + length).clear();
      case 1 -> bytes.add(i, (byte) random.nextInt(256));
      case 2 -> bytes.addAll(i, new ArrayList<>(bytes.subList(i, i + length)));
      default -> {
        if (bytes.size() > 1) {
          java.util.Collections.swap(bytes, i, random.nextInt(bytes.size()));
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = bytes.get(k);
    }
    return PolicyLoader.decode(out);
  }
}
