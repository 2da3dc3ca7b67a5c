package swfw.dsl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Writes generated statements out as text: in the canonical layout, or laid out at random. */
final class PolicyText {
  private static final Set<String> PUNCTUATION = Set.of(",", ";", "{", "}", "=", "-", "/");
  private static final List<String> COMMENTS = List.of("# a comment", "#", "## two hashes", "#!not a shebang",
      "# quotes \" and braces { } ; ,", "# café ✓", "# allow tcp 22;", "#no space", "# trailing blanks   ");

  private PolicyText() {}

  /** One statement per line, node bodies indented, own-line comments and single blank lines here and there. */
  static String tidy(List<PolicyGenerator.Statement> statements, Random random) {
    StringBuilder out = new StringBuilder();
    for (PolicyGenerator.Statement s : statements) {
      tidy(s, "", out.length() > 0, random, out);
    }
    return out.toString();
  }

  private static void tidy(PolicyGenerator.Statement s, String indent, boolean mayBlank, Random random, StringBuilder out) {
    if (mayBlank && random.nextInt(6) == 0) {
      out.append('\n');
    }
    if (random.nextInt(8) == 0) {
      out.append(indent).append(COMMENTS.get(random.nextInt(COMMENTS.size())).stripTrailing()).append('\n');
    }
    out.append(indent).append(join(s.tokens()));
    if (s.body() == null) {
      out.append('\n');
      return;
    }
    out.append(" {\n");
    boolean first = true;
    for (PolicyGenerator.Statement inner : s.body()) {
      tidy(inner, indent + "  ", !first, random, out);
      first = false;
    }
    out.append(indent).append("}\n");
  }

  /** Tokens with the canonical spacing: none before ',' and ';', none around '-' and '/'. */
  static String join(List<String> tokens) {
    StringBuilder b = new StringBuilder();
    String before = null;
    for (String t : tokens) {
      boolean tight = before == null || t.equals(",") || t.equals(";") || t.equals("-") || t.equals("/")
          || before.equals("-") || before.equals("/");
      b.append(tight ? "" : " ").append(t);
      before = t;
    }
    return b.toString();
  }

  /** Every gap between two tokens gets random white space, line breaks or comments. */
  static String messy(List<PolicyGenerator.Statement> statements, Random random) {
    List<String> tokens = new ArrayList<>();
    statements.forEach(s -> flatten(s, tokens));
    StringBuilder out = new StringBuilder();
    out.append(random.nextBoolean() ? "" : gap(random, false));
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        boolean mayTouch = PUNCTUATION.contains(tokens.get(i - 1)) || PUNCTUATION.contains(tokens.get(i));
        out.append(gap(random, mayTouch));
      }
      out.append(tokens.get(i));
    }
    out.append(List.of("", "\n", "\n\n\n", "  ", " # last words\n", " # no newline at the end").get(random.nextInt(6)));
    return out.toString();
  }

  private static void flatten(PolicyGenerator.Statement s, List<String> tokens) {
    tokens.addAll(s.tokens());
    if (s.body() != null) {
      tokens.add("{");
      s.body().forEach(inner -> flatten(inner, tokens));
      tokens.add("}");
    }
  }

  private static String gap(Random random, boolean mayTouch) {
    int dice = random.nextInt(100);
    if (dice < 10 && mayTouch) {
      return "";
    }
    if (dice < 55) {
      return " ";
    }
    if (dice < 63) {
      return List.of("   ", "\t", " \t ", "\f").get(random.nextInt(4));
    }
    if (dice < 78) {
      return "\n" + indentation(random);
    }
    if (dice < 81) {
      return "\r\n";
    }
    if (dice < 85) {
      return "\n\n\n" + indentation(random);
    }
    String comment = COMMENTS.get(random.nextInt(COMMENTS.size()));
    if (dice < 93) {
      return " ".repeat(random.nextInt(3)) + comment + "\n" + indentation(random);
    }
    return "\n" + indentation(random) + comment + (random.nextBoolean() ? "\n\n" : "\n") + indentation(random);
  }

  private static String indentation(Random random) {
    return List.of("", "  ", "    ", "\t", "       ").get(random.nextInt(5));
  }
}
