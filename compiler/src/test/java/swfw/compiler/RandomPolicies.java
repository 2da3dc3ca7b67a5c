package swfw.compiler;

import java.nio.file.Path;
import java.util.Random;
import swfw.dsl.Frontend;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;

/**
 * Random policies for property tests: nodes, both families, guarded interfaces, outbound and published
 * rules, rate limits, ICMP types, overlapping port ranges and nested or adjacent networks. With swarm's
 * ports, ports are drawn among those swarm and ssh listen on too, and the policy has expectations and
 * inventory hosts.
 */
public final class RandomPolicies {
  private static final String[] VERBS = {"allow", "allow", "deny", "reject", "allow out", "deny out", "reject out",
      "publish"};
  private static final String[] WHERE = {"", "", "", "", "", "node a ", "node b "};
  private static final String[] ON = {"", "", "", "on eth0", "on eth1", "on eth0, eth1", "on eth+"};
  private static final String[] TYPES = {"", "echo-request", "destination-unreachable", "time-exceeded",
      "{ echo-request, time-exceeded }"};
  private static final int[] V4_PREFIXES = {0, 8, 9, 12, 16, 31, 32};
  private static final int[] V6_PREFIXES = {0, 32, 33, 48, 63, 64, 65, 128};
  private static final int[] SWARM_PORTS = {22, 2377, 4789, 7946};
  private static final String[] ROLES = {"default", "a", "b"};

  private final Random random;
  private final boolean swarm;

  private RandomPolicies(Random random, boolean swarm) {
    this.random = random;
    this.swarm = swarm;
  }

  /** A policy of 2 to 31 rules with ports between 20 and 49. */
  public static String policy(Random random) {
    return new RandomPolicies(random, false).policy();
  }

  /** A policy whose rules open swarm's ports and ssh among others, with expectations and inventory hosts. */
  public static String swarmPolicy(Random random) {
    return new RandomPolicies(random, true).policy();
  }

  private String policy() {
    StringBuilder b = new StringBuilder("public eth0, eth1;\n");
    if (random.nextBoolean()) {
      b.append("trust ens11;\n");
    }
    int rules = 2 + random.nextInt(30);
    for (int i = 0; i < rules; i++) {
      String rule = rule();
      while (Frontend.run(Path.of("rule.swfw"), "public eth0, eth1;\n" + rule).diagnostics().hasErrors()) {
        rule = rule();
      }
      b.append(pick(WHERE)).append(rule).append('\n');
    }
    for (int i = 0; swarm && i < random.nextInt(4); i++) {
      String expectation = expectation();
      while (Frontend.run(Path.of("rule.swfw"), "public eth0, eth1;\n" + expectation).diagnostics().hasErrors()) {
        expectation = expectation();
      }
      b.append(pick(WHERE)).append(expectation).append('\n');
    }
    for (int i = 0; swarm && i < random.nextInt(4); i++) {
      b.append("host h").append(i).append(" role ").append(pick(ROLES)).append(" address ")
          .append(Addresses.parse(network()).orElseThrow().address()).append(random.nextBoolean() ? "" : " port 2377")
          .append(";\n");
    }
    return b.toString();
  }

  private String rule() {
    String verb = pick(VERBS);
    if (verb.equals("publish")) {
      return "publish " + pick(new String[] {"tcp", "udp"}) + " " + ports() + " " + pick(ON) + from() + ";";
    }
    String target = switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> "icmp " + pick(TYPES);
      case 2 -> "icmpv6 " + pick(TYPES);
      case 3 -> "tcp";
      default -> pick(new String[] {"tcp", "udp"}) + " " + ports();
    };
    String limit = verb.startsWith("allow") && random.nextInt(4) == 0 ? " limit 5/second" : "";
    String to = random.nextInt(3) == 0 ? " to " + addresses() : "";
    return verb + " " + target + " " + pick(ON) + from() + to + limit + ";";
  }

  private String expectation() {
    String target = switch (random.nextInt(5)) {
      case 0 -> "";
      case 1 -> "icmp " + pick(TYPES);
      case 2 -> "tcp";
      default -> pick(new String[] {"tcp", "udp"}) + " " + ports();
    };
    String to = random.nextInt(3) == 0 ? " to " + addresses() : "";
    return "expect " + pick(new String[] {"accept", "drop"}) + " " + target + " " + pick(ON) + from() + to + ";";
  }

  private String ports() {
    int n = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int low = swarm && random.nextBoolean() ? SWARM_PORTS[random.nextInt(SWARM_PORTS.length)] - random.nextInt(2)
          : 20 + random.nextInt(20);
      b.append(i > 0 ? ", " : "").append(low);
      if (random.nextBoolean()) {
        b.append('-').append(low + random.nextInt(10));
      }
    }
    return n > 1 ? "{ " + b + " }" : b.toString();
  }

  private String from() {
    return random.nextInt(2) == 0 ? "" : " from " + addresses();
  }

  private String addresses() {
    if (random.nextInt(8) == 0) {
      return "any";
    }
    int n = random.nextInt(3) == 0 ? 2 + random.nextInt(3) : 1;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? ", " : "").append(network());
    }
    return n > 1 ? "{ " + b + " }" : b.toString();
  }

  private String network() {
    boolean v4 = random.nextInt(3) > 0;
    String address = v4 ? "10." + random.nextInt(4) * 64 + "." + random.nextInt(2) + "." + random.nextInt(4)
        : "2001:db8:" + Integer.toHexString(random.nextInt(4) << 14) + "::" + Integer.toHexString(random.nextInt(4) << 14)
            + ":0:0:" + random.nextInt(4);
    int prefix = v4 ? V4_PREFIXES[random.nextInt(V4_PREFIXES.length)] : V6_PREFIXES[random.nextInt(V6_PREFIXES.length)];
    Cidr c = Addresses.parse(address).orElseThrow();
    return new Cidr(c.family(), c.hi(), c.lo(), prefix).network().toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
