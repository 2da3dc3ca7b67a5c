package swfw.dsl;

import java.util.Random;

/** A valid policy of a given size, generated from a seed: every construct of the language, many times. */
final class GeneratedPolicy {
  private static final String[] PORT_NAMES = {"ssh", "http", "https", "dns", "ntp", "postgresql", "redis"};
  private static final String[] ICMP = {"echo-request", "destination-unreachable", "time-exceeded", "8", "0"};

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int sets;
  private int services;

  private GeneratedPolicy(long seed) {
    random = new Random(seed);
  }

  /** At least {@code bytes} characters of policy text (ASCII, so bytes too). */
  static String ofSize(int bytes, long seed) {
    GeneratedPolicy g = new GeneratedPolicy(seed);
    g.out.append("# generated, seed ").append(seed).append("\npublic eth0;\ntrust ens11;\n");
    int node = 0;
    while (g.out.length() < bytes) {
      g.definitions();
      g.node(node++);
    }
    for (int i = 0; i < node; i++) {
      g.out.append("host h").append(i).append(" role role").append(i).append(" address 192.0.")
          .append(i / 250 % 250).append('.').append(i % 250 + 1).append(" user deploy port 22 swarm h").append(i)
          .append(";\n");
    }
    return g.out.toString();
  }

  private void definitions() {
    out.append("let set").append(sets++).append(" = { ").append(v4()).append(", ").append(v6()).append(", ")
        .append(v4()).append(" };\n");
    out.append("let ports").append(sets).append(" = { ").append(port()).append(", ").append(range()).append(" };\n");
    out.append("let svc").append(services++).append(" = ").append(random.nextBoolean() ? "tcp" : "udp")
        .append(" { ").append(port()).append(", ").append(PORT_NAMES[random.nextInt(PORT_NAMES.length)])
        .append(", ports").append(sets).append(" };\n");
  }

  private void node(int n) {
    out.append("node role").append(n).append(" {\n");
    for (int i = 0; i < 20; i++) {
      out.append("  ").append(rule()).append('\n');
    }
    out.append("}\n");
    out.append("node role").append(n).append(" allow icmp ").append(ICMP[random.nextInt(ICMP.length)])
        .append(" limit ").append(1 + random.nextInt(100)).append("/second burst ").append(1 + random.nextInt(50))
        .append(";\n");
  }

  private String rule() {
    String set = "set" + random.nextInt(sets);
    return switch (random.nextInt(9)) {
      case 0 -> "allow tcp " + port() + " from " + set + " \"rule " + random.nextInt(1000) + "\";";
      case 1 -> "allow udp { " + port() + ", " + range() + " } on eth0, \"wg0\" from { " + v4() + ", " + v6() + " };";
      case 2 -> "deny tcp " + PORT_NAMES[random.nextInt(PORT_NAMES.length)] + " to " + v4() + ";";
      case 3 -> "reject udp " + range() + " from any;";
      case 4 -> "allow svc" + random.nextInt(services) + " on eth0;";
      case 5 -> "allow out tcp " + port() + " to " + v6() + " on eth0;";
      case 6 -> "publish tcp " + port() + " from " + set + ";";
      case 7 -> "expect " + (random.nextBoolean() ? "accept" : "drop") + " tcp " + port() + " on eth0 from " + v4() + ";";
      default -> "allow icmpv6 echo-request, 129 from " + v6() + " limit " + (1 + random.nextInt(60)) + "/minute;";
    };
  }

  private int port() {
    return 1 + random.nextInt(65535);
  }

  private String range() {
    int low = random.nextInt(60000);
    return low + "-" + (low + random.nextInt(5000));
  }

  private String v4() {
    int bits = 8 + random.nextInt(25);
    long a = random.nextInt() & 0xffffffffL;
    a &= bits == 32 ? 0xffffffffL : ~(0xffffffffL >>> bits) & 0xffffffffL;
    return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255) + "/" + bits;
  }

  private String v6() {
    return "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::/48";
  }
}
