package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.dsl.Frontend;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;

/**
 * On whole policies, the coverage check with the indexed search reports exactly what it reports with
 * the naive one: the same statements, coverers in the same order, the same kinds and limit notes.
 * Policies mix nodes, both families, guarded interfaces, outbound and published rules, rate limits,
 * ICMP types, overlapping port ranges and nested or adjacent networks.
 */
class CoveragePropertiesTest {
  private static final String[] VERBS = {"allow", "allow", "deny", "reject", "allow out", "deny out", "reject out",
      "publish"};
  private static final String[] WHERE = {"", "", "", "", "", "node a ", "node b "};
  private static final String[] ON = {"", "", "", "on eth0", "on eth1", "on eth0, eth1", "on eth+"};
  private static final String[] TYPES = {"", "echo-request", "destination-unreachable", "time-exceeded",
      "{ echo-request, time-exceeded }"};
  private static final int[] V4_PREFIXES = {0, 8, 9, 12, 16, 31, 32};
  private static final int[] V6_PREFIXES = {0, 32, 33, 48, 63, 64, 65, 128};

  @Property(tries = 300)
  void theIndexedSearchReportsWhatTheNaiveOneReports(@ForAll long seed) {
    String policy = policy(new Random(seed));
    LintRun run = LintRun.of(policy);
    Assume.that(run.compiled().isPresent());
    LintContext context = new LintContext(run.front().loaded(), run.front().policy().orElseThrow(),
        run.compiled().orElseThrow());
    Coverage.Result naive = Coverage.of(context, NaiveCoverers::of);
    assertEquals(naive, Coverage.of(context), policy);
    Statistics.label("reported").collect(naive.covered().size() == 0 ? "none" : naive.covered().size() < 4 ? "1-3" : "4+");
    Statistics.label("reported").coverage(c -> c.check("none").percentage(p -> p < 45));
  }

  private static String policy(Random random) {
    StringBuilder b = new StringBuilder("public eth0, eth1;\n");
    if (random.nextBoolean()) {
      b.append("trust ens11;\n");
    }
    int rules = 2 + random.nextInt(30);
    for (int i = 0; i < rules; i++) {
      String rule = rule(random);
      while (Frontend.run(Path.of("rule.swfw"), "public eth0, eth1;\n" + rule).diagnostics().hasErrors()) {
        rule = rule(random);
      }
      b.append(pick(random, WHERE)).append(rule).append('\n');
    }
    return b.toString();
  }

  private static String rule(Random random) {
    String verb = pick(random, VERBS);
    if (verb.equals("publish")) {
      return "publish " + pick(random, new String[] {"tcp", "udp"}) + " " + ports(random) + from(random) + ";";
    }
    String target = switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> "icmp " + pick(random, TYPES);
      case 2 -> "icmpv6 " + pick(random, TYPES);
      case 3 -> "tcp";
      default -> pick(random, new String[] {"tcp", "udp"}) + " " + ports(random);
    };
    String limit = verb.startsWith("allow") && random.nextInt(4) == 0 ? " limit 5/second" : "";
    String to = random.nextInt(3) == 0 ? " to " + addresses(random) : "";
    return verb + " " + target + " " + pick(random, ON) + from(random) + to + limit + ";";
  }

  private static String ports(Random random) {
    int n = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int low = 20 + random.nextInt(20);
      b.append(i > 0 ? ", " : "").append(low);
      if (random.nextBoolean()) {
        b.append('-').append(low + random.nextInt(10));
      }
    }
    return n > 1 ? "{ " + b + " }" : b.toString();
  }

  private static String from(Random random) {
    return random.nextInt(2) == 0 ? "" : " from " + addresses(random);
  }

  private static String addresses(Random random) {
    if (random.nextInt(8) == 0) {
      return "any";
    }
    int n = random.nextInt(3) == 0 ? 2 + random.nextInt(3) : 1;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? ", " : "").append(network(random));
    }
    return n > 1 ? "{ " + b + " }" : b.toString();
  }

  private static String network(Random random) {
    boolean v4 = random.nextInt(3) > 0;
    String address = v4 ? "10." + random.nextInt(4) * 64 + "." + random.nextInt(2) + "." + random.nextInt(4)
        : "2001:db8:" + Integer.toHexString(random.nextInt(4) << 14) + "::" + Integer.toHexString(random.nextInt(4) << 14)
            + ":0:0:" + random.nextInt(4);
    int prefix = v4 ? V4_PREFIXES[random.nextInt(V4_PREFIXES.length)] : V6_PREFIXES[random.nextInt(V6_PREFIXES.length)];
    Cidr c = Addresses.parse(address).orElseThrow();
    return new Cidr(c.family(), c.hi(), c.lo(), prefix).network().toString();
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
