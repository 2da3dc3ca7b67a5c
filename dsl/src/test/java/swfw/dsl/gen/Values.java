package swfw.dsl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import swfw.dsl.value.Cidr;

/** Random values that pass the checker: lets, targets, address lists, limits, interfaces, strings. */
final class Values {
  /** The family a rule's addresses are drawn from. */
  enum Family { V4, V6 }

  private static final List<String> PORT_NAMES = List.of("ssh", "http", "https", "dns", "ntp", "http-alt", "docker-swarm");
  private static final List<String> ICMP4 = List.of("echo-request", "destination-unreachable", "time-exceeded", "ping",
      "redirect", "8", "0", "255");
  /** ICMPv6 types a deny or reject may name: none of those IPv6 needs (1-4, 133-136). */
  private static final List<String> ICMP6_DENIABLE = List.of("echo-request", "echo-reply", "redirect", "128", "200");
  private static final List<String> ICMP6 = List.of("echo-request", "packet-too-big", "neighbour-solicitation",
      "time-exceeded", "ping", "1", "135");
  private static final List<String> GUARDED = List.of("eth0", "eth1", "eth2", "eth+", "\"eth4\"", "enp0s3", "eth0.100",
      "\"veth@if3\"");
  private static final List<String> TRUSTED = List.of("ens10", "ens11", "wg0", "\"docker_gwbridge\"", "br-1a2b");
  private static final List<String> UNITS = List.of("second", "minute", "hour", "day", "s", "sec", "min", "m", "h", "d");
  private static final String TEXT = "abc xyz ÄÖü ✓ #;{},-/ 0123456789";

  private final Random random;
  private final Names names;
  private final List<String> addr4 = new ArrayList<>();
  private final List<String> addr6 = new ArrayList<>();
  private final List<String> mixed = new ArrayList<>();
  private final List<String> portSets = new ArrayList<>();
  private final List<String> services = new ArrayList<>();

  Values(Random random, Names names) {
    this.random = random;
    this.names = names;
  }

  PolicyGenerator.Statement let() {
    String name = names.let(random);
    List<String> tokens = new ArrayList<>(List.of("let", name, "="));
    switch (random.nextInt(8)) {
      case 0 -> addressSet(tokens, Family.V4, addr4, name);
      case 1 -> addressSet(tokens, Family.V6, addr6, name);
      case 2 -> addressSet(tokens, null, mixed, name);
      case 3 -> {
        tokens.add(address(Family.V4));
        addr4.add(name);
      }
      case 4 -> {
        tokens.add(address(Family.V6));
        addr6.add(name);
      }
      case 5 -> {
        tokens.add("{");
        commaList(tokens, 1 + random.nextInt(4), this::portItem);
        tokens.add("}");
        portSets.add(name);
      }
      case 6 -> {
        tokens.add(random.nextBoolean() ? "tcp" : "udp");
        ports(tokens);
        services.add(name);
      }
      default -> tokens.addAll(List.of("{", "}"));
    }
    tokens.add(";");
    return new PolicyGenerator.Statement(tokens);
  }

  /** A set of one family, or (family null) of both: then its first two items are one of each. */
  private void addressSet(List<String> tokens, Family family, List<String> kind, String name) {
    tokens.add("{");
    int[] index = {0};
    commaList(tokens, (family == null ? 2 : 1) + random.nextInt(4), () -> {
      int i = index[0]++;
      Family f = family != null ? family : i < 2 ? Family.values()[i] : Family.values()[random.nextInt(2)];
      List<String> sets = f == Family.V4 ? addr4 : addr6;
      return !sets.isEmpty() && random.nextInt(4) == 0 ? pick(sets) : address(f);
    });
    tokens.add("}");
    kind.add(name);
  }

  /** Writes a rule's target; returns the family its addresses must have. */
  Family target(List<String> tokens, boolean publish, boolean denies) {
    int dice = random.nextInt(publish ? 2 : 8);
    if (dice == 1 && !services.isEmpty()) {
      tokens.add(pick(services));
    } else if (dice == 0 || dice == 1 || dice == 2) {
      tokens.add(random.nextBoolean() ? "tcp" : "udp");
      if (publish || random.nextInt(4) != 0) {
        ports(tokens);
      }
    } else if (dice == 3 || dice == 4) {
      boolean v6 = dice == 4;
      tokens.add(v6 ? "icmpv6" : "icmp");
      List<String> types = v6 ? denies ? ICMP6_DENIABLE : ICMP6 : ICMP4;
      if (v6 && denies || random.nextInt(4) != 0) {
        itemList(tokens, () -> pick(types));
      }
      return v6 ? Family.V6 : Family.V4;
    } else if (dice == 5) {
      tokens.add("any");
    }
    return random.nextBoolean() ? Family.V4 : Family.V6;
  }

  private void ports(List<String> tokens) {
    itemList(tokens, this::portItem);
  }

  /** One or more items, bare ({@code 22, 80}) or in braces ({@code { 22, 80 }}). */
  private void itemList(List<String> tokens, Supplier<String> item) {
    boolean braces = random.nextBoolean();
    if (braces) {
      tokens.add("{");
    }
    commaList(tokens, 1 + random.nextInt(3), item);
    if (braces) {
      tokens.add("}");
    }
  }

  /** A port, a range ("8000 - 8100" as three tokens, joined by the caller's spacing), a name or a port set. */
  private String portItem() {
    int dice = random.nextInt(4);
    if (dice == 0) {
      return Integer.toString(1 + random.nextInt(65535));
    }
    if (dice == 1) {
      int low = random.nextInt(65000);
      return low + " - " + (low + random.nextInt(500));
    }
    if (dice == 2 && !portSets.isEmpty()) {
      return pick(portSets);
    }
    return pick(PORT_NAMES);
  }

  void addressSpec(List<String> tokens, Family family) {
    if (random.nextBoolean()) {
      tokens.add(addressItem(family));
      return;
    }
    tokens.add("{");
    commaList(tokens, 1 + random.nextInt(4), () -> addressItem(family));
    tokens.add("}");
  }

  private String addressItem(Family family) {
    List<String> sets = new ArrayList<>(family == Family.V4 ? addr4 : addr6);
    sets.addAll(mixed);
    int dice = random.nextInt(10);
    if (dice == 0) {
      return "any";
    }
    return dice < 4 && !sets.isEmpty() ? pick(sets) : address(family);
  }

  String address(Family family) {
    int prefix = random.nextInt(4) == 0 ? random.nextInt(family == Family.V4 ? 33 : 129) : family == Family.V4 ? 32 : 128;
    Cidr c = family == Family.V4
        ? new Cidr(swfw.dsl.value.Family.V4, 0, random.nextLong() & 0xffffffffL, prefix).network()
        : new Cidr(swfw.dsl.value.Family.V6, random.nextLong(), random.nextLong(), prefix).network();
    return prefix == c.bits() && random.nextBoolean() ? c.address() : c.toString();
  }

  String hostAddress() {
    String a = address(random.nextBoolean() ? Family.V4 : Family.V6);
    int slash = a.indexOf('/');
    return slash < 0 ? a : a.substring(0, slash);
  }

  void limit(List<String> tokens) {
    tokens.addAll(List.of("limit", Integer.toString(1 + random.nextInt(10000)), "/", pick(UNITS)));
    if (random.nextBoolean()) {
      tokens.addAll(List.of("burst", Integer.toString(1 + random.nextInt(10000))));
    }
  }

  String guardedIface() {
    return pick(GUARDED);
  }

  String trustedIface() {
    return pick(TRUSTED);
  }

  /** A rule comment: printable text, escapes included, well under the checker's byte limit. */
  String string() {
    StringBuilder b = new StringBuilder("\"");
    for (int n = random.nextInt(30); n > 0; n--) {
      int dice = random.nextInt(20);
      b.append(dice == 0 ? "\\\"" : dice == 1 ? "\\\\" : String.valueOf(TEXT.charAt(random.nextInt(TEXT.length()))));
    }
    return b.append('"').toString();
  }

  void commaList(List<String> tokens, int n, Supplier<String> item) {
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        tokens.add(",");
      }
      for (String t : item.get().split(" ")) {
        tokens.add(t);
      }
    }
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
