package swfw.dsl.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random policies from the grammar, for property tests: lets of every kind, nodes in both forms,
 * rules with every clause, publish, expect, public, trust, hosts and comments. What it writes
 * parses and passes the checker without errors: names are defined before use, every rule's
 * addresses share a family with its protocol, limits sit only on allow rules, ICMPv6 that IPv6
 * needs is never denied. Includes are left out (they need files). The same seed gives the same text.
 */
public final class PolicyGenerator {
  /** One statement: its tokens and, for a node block, its body (null otherwise). */
  record Statement(List<String> tokens, List<Statement> body) {
    Statement(List<String> tokens) {
      this(tokens, null);
    }
  }

  private final Random random;
  private final Names names = new Names();
  private final Values values;

  private PolicyGenerator(long seed) {
    this.random = new Random(seed);
    this.values = new Values(random, names);
  }

  /** A policy of about {@code statements} statements in the canonical layout (what {@code swfw fmt} writes). */
  public static String generate(long seed, int statements) {
    return PolicyText.tidy(new PolicyGenerator(seed).statements(statements), new Random(~seed));
  }

  /** The same policy as {@link #generate} laid out at random: odd spacing, line breaks and comments anywhere. */
  public static String generateMessy(long seed, int statements) {
    return PolicyText.messy(new PolicyGenerator(seed).statements(statements), new Random(~seed));
  }

  /** Tidy and messy policies of up to 40 statements; shrinks towards fewer statements. */
  public static Arbitrary<String> policies() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 40), Arbitraries.of(false, true))
        .as((seed, n, messy) -> messy ? generateMessy(seed, n) : generate(seed, n));
  }

  private List<Statement> statements(int count) {
    List<Statement> out = new ArrayList<>();
    while (out.size() < count) {
      out.add(statement());
    }
    return out;
  }

  private Statement statement() {
    int dice = random.nextInt(100);
    if (dice < 22) {
      return values.let();
    }
    if (dice < 30) {
      return interfaces();
    }
    if (dice < 55) {
      return rule(RuleKind.pick(random));
    }
    if (dice < 72) {
      return nodeBlock();
    }
    if (dice < 80) {
      return nodeOne();
    }
    return names.roles.isEmpty() ? rule(RuleKind.FILTER) : host();
  }

  private Statement nodeBlock() {
    String role = names.role(random);
    List<Statement> body = new ArrayList<>();
    for (int n = random.nextInt(6); n > 0; n--) {
      body.add(nodeStatement());
    }
    return new Statement(List.of("node", role), body);
  }

  private Statement nodeOne() {
    List<String> tokens = new ArrayList<>(List.of("node", names.role(random)));
    tokens.addAll(nodeStatement().tokens());
    return new Statement(tokens);
  }

  private Statement nodeStatement() {
    return random.nextInt(6) == 0 ? interfaces() : rule(RuleKind.pick(random));
  }

  private Statement interfaces() {
    boolean trust = random.nextInt(3) == 0;
    List<String> tokens = new ArrayList<>();
    tokens.add(trust ? "trust" : "public");
    values.commaList(tokens, 1 + random.nextInt(2), () -> trust ? values.trustedIface() : values.guardedIface());
    tokens.add(";");
    return new Statement(tokens);
  }

  /** What kind of filtering statement to write; each allows other clauses. */
  enum RuleKind {
    FILTER, PUBLISH, EXPECT;

    static RuleKind pick(Random r) {
      int d = r.nextInt(10);
      return d < 7 ? FILTER : d < 8 ? PUBLISH : EXPECT;
    }
  }

  private Statement rule(RuleKind kind) {
    List<String> tokens = new ArrayList<>();
    String action = kind == RuleKind.FILTER ? List.of("allow", "allow", "deny", "reject").get(random.nextInt(4)) : null;
    if (kind == RuleKind.FILTER) {
      tokens.add(action);
      if (random.nextInt(5) == 0) {
        tokens.add("out");
      }
    } else if (kind == RuleKind.PUBLISH) {
      tokens.add("publish");
    } else {
      tokens.add("expect");
      tokens.add(random.nextBoolean() ? "accept" : "drop");
    }
    Values.Family family = values.target(tokens, kind == RuleKind.PUBLISH, !"allow".equals(action) && action != null);
    clauses(tokens, family, "allow".equals(action));
    if (random.nextInt(3) == 0) {
      tokens.add(values.string());
    }
    tokens.add(";");
    return new Statement(tokens);
  }

  /** Each clause at most once, in random order. */
  private void clauses(List<String> tokens, Values.Family family, boolean mayLimit) {
    List<String> clauses = new ArrayList<>(List.of("on", "from", "to", "limit"));
    Collections.shuffle(clauses, random);
    for (String clause : clauses) {
      if (random.nextInt(3) != 0 || clause.equals("limit") && !mayLimit) {
        continue;
      }
      switch (clause) {
        case "on" -> {
          tokens.add("on");
          values.commaList(tokens, 1 + random.nextInt(2), values::guardedIface);
        }
        case "limit" -> values.limit(tokens);
        default -> {
          tokens.add(clause);
          values.addressSpec(tokens, family);
        }
      }
    }
  }

  private Statement host() {
    List<String> tokens = new ArrayList<>(List.of("host", names.host()));
    List<List<String>> attrs = new ArrayList<>();
    attrs.add(List.of("role", names.roles.get(random.nextInt(names.roles.size()))));
    attrs.add(List.of("address", values.hostAddress()));
    if (random.nextBoolean()) {
      attrs.add(List.of("user", List.of("deploy", "root", "ops_1", "admin.x").get(random.nextInt(4))));
    }
    if (random.nextBoolean()) {
      attrs.add(List.of("port", Integer.toString(1 + random.nextInt(65535))));
    }
    if (random.nextInt(3) == 0) {
      attrs.add(List.of("key", "\"~/.ssh/id_" + random.nextInt(9) + "\""));
    }
    if (random.nextInt(3) == 0 && !names.hosts.isEmpty()) {
      attrs.add(List.of("jump", names.hosts.get(random.nextInt(names.hosts.size()))));
    }
    if (random.nextInt(3) == 0) {
      attrs.add(List.of("swarm", "swarm-" + random.nextInt(99)));
    }
    Collections.shuffle(attrs, random);
    attrs.forEach(tokens::addAll);
    tokens.add(";");
    return new Statement(tokens);
  }
}
