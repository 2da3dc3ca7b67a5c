package swfw.examples.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid policies for the differential test, reproducible from a seed. They use the
 * interfaces, networks and local addresses the judging lab has, so packets can hit every rule.
 */
final class RandomPolicies {
  static final List<String> NETS_V4 = List.of("198.51.100.0/24", "198.51.100.128/25", "203.0.113.64/26", "192.0.2.200/32");
  static final List<String> NETS_V6 = List.of("2001:db8:42::/48", "2001:db8:42:1::/64", "2001:db8:99::/48",
      "2001:db8:7::10/128");
  /** Addresses the judging node has on its loopback, so rules with 'to' see local traffic. */
  static final List<String> LOCAL_V4 = List.of("192.0.2.1", "192.0.2.2");
  static final List<String> LOCAL_V6 = List.of("2001:db8:ffff::1", "2001:db8:ffff::2");

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<String> v4Sets = new ArrayList<>();
  private final List<String> v6Sets = new ArrayList<>();
  private final List<String> mixedSets = new ArrayList<>();
  private final List<String> portSets = new ArrayList<>();

  private RandomPolicies(long seed) {
    this.random = new Random(seed);
  }

  static String generate(long seed) {
    return new RandomPolicies(seed).policy();
  }

  private String policy() {
    boolean twoUplinks = random.nextBoolean();
    out.append(twoUplinks ? "public eth0, eth1;\n" : "public eth0;\n").append("trust ens11;\n");
    lets();
    int rules = 3 + random.nextInt(10);
    for (int i = 0; i < rules; i++) {
      if (random.nextInt(6) == 0) {
        publish(twoUplinks);
      } else {
        rule(twoUplinks);
      }
    }
    return out.toString();
  }

  private void lets() {
    if (random.nextBoolean()) {
      out.append("let a4 = { ").append(pick(NETS_V4)).append(", ").append(pick(NETS_V4)).append(" };\n");
      v4Sets.add("a4");
    }
    if (random.nextBoolean()) {
      out.append("let a6 = { ").append(pick(NETS_V6)).append(", ").append(pick(NETS_V6)).append(" };\n");
      v6Sets.add("a6");
    }
    if (random.nextBoolean()) {
      out.append("let mixed = { ").append(pick(NETS_V4)).append(", ").append(pick(NETS_V6)).append(" };\n");
      mixedSets.add("mixed");
    }
    if (random.nextInt(4) == 0) {
      // More than 16 addresses: a kernel set.
      StringBuilder b = new StringBuilder("let many = { ");
      for (int i = 0; i < 20; i++) {
        b.append(i == 0 ? "" : ", ").append("198.51.100.").append(1 + i * 7);
      }
      out.append(b).append(" };\n");
      v4Sets.add("many");
    }
    if (random.nextBoolean()) {
      out.append("let ports = { ").append(port()).append(", ").append(1000 + random.nextInt(1000)).append("-")
          .append(3000 + random.nextInt(100)).append(" };\n");
      portSets.add("ports");
    }
  }

  private void rule(boolean twoUplinks) {
    int a = random.nextInt(20);
    String action = a < 12 ? "allow" : a < 17 ? "deny" : "reject";
    int p = random.nextInt(10);
    String proto = p < 4 ? "tcp" : p < 6 ? "udp" : p < 7 ? "icmp" : p < 8 ? "icmpv6" : "any";
    StringBuilder r = new StringBuilder(action).append(' ');
    String family = proto.equals("icmp") ? "4" : proto.equals("icmpv6") ? "6" : "46";
    if (!proto.equals("any") || random.nextBoolean()) {
      r.append(proto);
      if (proto.equals("tcp") || proto.equals("udp")) {
        if (random.nextInt(5) > 0) {
          r.append(' ').append(ports());
        }
      } else if (proto.equals("icmp")) {
        r.append(' ').append(random.nextBoolean() ? "echo-request" : "timestamp-request");
      } else if (proto.equals("icmpv6")) {
        r.append(" echo-request");
      }
    }
    if (twoUplinks && random.nextInt(3) == 0) {
      r.append(" on ").append(random.nextBoolean() ? "eth0" : "eth1");
    }
    String fromFamily = family;
    if (random.nextInt(3) > 0) {
      String[] from = from(family);
      r.append(" from ").append(from[0]);
      fromFamily = from[1];
    }
    if (random.nextInt(5) == 0) {
      r.append(" to ").append(to(fromFamily));
    }
    if (action.equals("allow") && random.nextInt(8) == 0) {
      r.append(" limit ").append(1 + random.nextInt(50)).append("/second burst 500");
    }
    out.append(r).append(";\n");
  }

  private void publish(boolean twoUplinks) {
    StringBuilder r = new StringBuilder("publish ").append(random.nextBoolean() ? "tcp " : "udp ").append(ports());
    if (twoUplinks && random.nextBoolean()) {
      r.append(" on eth1");
    }
    String fromFamily = "46";
    if (random.nextBoolean()) {
      String[] from = from("46");
      r.append(" from ").append(from[0]);
      fromFamily = from[1];
    }
    if (random.nextInt(3) == 0) {
      r.append(" to ").append(to(fromFamily));
    }
    out.append(r).append(";\n");
  }

  /** An address spec and the families it leaves ("4", "6" or "46"). */
  private String[] from(String family) {
    List<String[]> choices = new ArrayList<>();
    if (family.contains("4")) {
      NETS_V4.forEach(n -> choices.add(new String[] {n, "4"}));
      v4Sets.forEach(s -> choices.add(new String[] {s, "4"}));
    }
    if (family.contains("6")) {
      NETS_V6.forEach(n -> choices.add(new String[] {n, "6"}));
      v6Sets.forEach(s -> choices.add(new String[] {s, "6"}));
    }
    if (family.equals("46")) {
      mixedSets.forEach(s -> choices.add(new String[] {s, "46"}));
      choices.add(new String[] {"{ " + pick(NETS_V4) + ", " + pick(NETS_V6) + " }", "46"});
    }
    return choices.get(random.nextInt(choices.size()));
  }

  private String to(String family) {
    if (family.equals("4")) {
      return pick(LOCAL_V4);
    }
    if (family.equals("6")) {
      return pick(LOCAL_V6);
    }
    return "{ " + pick(LOCAL_V4) + ", " + pick(LOCAL_V6) + " }";
  }

  private String ports() {
    int kind = random.nextInt(portSets.isEmpty() ? 3 : 4);
    return switch (kind) {
      case 0 -> Integer.toString(port());
      case 1 -> {
        int low = port();
        yield low + "-" + (low + random.nextInt(200));
      }
      case 2 -> "{ " + port() + ", " + port() + ", " + port() + " }";
      default -> pick(portSets);
    };
  }

  private int port() {
    int[] common = {22, 53, 80, 443, 2377, 5432, 7946, 8080, 8443};
    return random.nextBoolean() ? common[random.nextInt(common.length)] : 1 + random.nextInt(65000);
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
