package swfw.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A deterministic, check-clean policy of a given number of lines, shaped like a big real one:
 * address and port sets, services, node blocks of many rules, top-level rules, hosts, comments and
 * blank lines. The bench module has its own generator: benchmarks never depend on test classes.
 */
public final class PolicyFixture {
  private static final String[] PORTS = {"22", "80", "443", "8080", "8000-8100", "ssh", "https", "{ 80, 443 }", "5432"};
  private static final String[] IFACES = {"eth0", "eth1", "eth0, eth1"};

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int lines;
  private int sets4;
  private int sets6;
  private int portSets;
  private int services;
  private int roles;

  private PolicyFixture(long seed) {
    this.random = new Random(seed);
  }

  /** A policy of exactly {@code lines} lines (ending with a newline); the same seed gives the same text. */
  public static String generate(int lines, long seed) {
    PolicyFixture f = new PolicyFixture(seed);
    f.line("# generated policy: " + lines + " lines, seed " + seed);
    f.line("public eth0, eth1;");
    f.line("trust ens11;");
    while (f.lines < lines) {
      f.chunk(lines);
    }
    return f.out.toString();
  }

  /** Prints the size of a generated policy: {@code PolicyFixture LINES} gives "BYTES LINES". */
  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.println(generate(lines, 42).getBytes(StandardCharsets.UTF_8).length + " " + lines);
  }

  private void chunk(int limit) {
    int dice = random.nextInt(100);
    if (dice < 15 || sets4 == 0) {
      let();
    } else if (dice < 80 && limit - lines > 3) {
      node(Math.min(limit - lines - 2, 5 + random.nextInt(60)));
    } else if (dice < 92) {
      rule("");
    } else if (dice < 97 && roles > 0) {
      line("host node-" + lines + " role role" + random.nextInt(roles) + " address 10." + random.nextInt(256) + "."
          + random.nextInt(256) + "." + (1 + random.nextInt(254)) + " user deploy port 22;");
    } else if (lines > 0 && limit - lines > 1) {
      out.append('\n');
      lines++;
      line("# " + "section " + lines);
    } else {
      rule("");
    }
  }

  private void let() {
    switch (random.nextInt(4)) {
      case 0 -> line("let net" + (sets4++) + " = { " + v4() + ", " + v4() + ", " + v4() + " };");
      case 1 -> line("let net6_" + (sets6++) + " = { " + v6() + ", " + v6() + " };");
      case 2 -> line("let ports" + (portSets++) + " = { " + PORTS[random.nextInt(5)] + ", " + (1024 + random.nextInt(60000)) + " };");
      default -> line("let svc" + (services++) + " = tcp { " + (1 + random.nextInt(1000)) + ", https };");
    }
  }

  private void node(int bodyLines) {
    line("node role" + (roles++) + " {");
    for (int i = 0; i < bodyLines; i++) {
      rule("  ");
    }
    line("}");
  }

  private void rule(String indent) {
    boolean v6 = random.nextInt(4) == 0;
    StringBuilder r = new StringBuilder(indent);
    int dice = random.nextInt(20);
    String verb = dice < 14 ? "allow" : dice < 17 ? "deny" : dice < 19 ? "reject" : "expect accept";
    r.append(verb);
    int target = random.nextInt(10);
    if (target == 0 && services > 0) {
      r.append(" svc").append(random.nextInt(services));
    } else if (target == 1) {
      r.append(v6 ? " icmpv6 echo-request" : " icmp echo-request");
    } else if (target == 2 && portSets > 0) {
      r.append(random.nextBoolean() ? " tcp" : " udp").append(" ports").append(random.nextInt(portSets));
    } else {
      r.append(random.nextBoolean() ? " tcp " : " udp ").append(PORTS[random.nextInt(PORTS.length)]);
    }
    if (random.nextInt(3) == 0) {
      r.append(" on ").append(IFACES[random.nextInt(IFACES.length)]);
    }
    if (random.nextInt(2) == 0) {
      r.append(" from ").append(addresses(v6));
    }
    if (random.nextInt(5) == 0) {
      r.append(" to ").append(v6 ? v6() : v4());
    }
    if (verb.equals("allow") && random.nextInt(10) == 0) {
      r.append(" limit ").append(1 + random.nextInt(100)).append("/second burst ").append(1 + random.nextInt(50));
    }
    if (random.nextInt(3) == 0) {
      r.append(" \"rule ").append(lines).append('"');
    }
    r.append(';');
    if (random.nextInt(10) == 0) {
      r.append("  # note ").append(lines);
    }
    line(r.toString());
  }

  private String addresses(boolean v6) {
    int sets = v6 ? sets6 : sets4;
    int dice = random.nextInt(3);
    if (dice == 0 && sets > 0) {
      return (v6 ? "net6_" : "net") + random.nextInt(sets);
    }
    if (dice == 1) {
      return "{ " + (v6 ? v6() + ", " + v6() : v4() + ", " + v4() + ", " + v4()) + " }";
    }
    return v6 ? v6() : v4();
  }

  private String v4() {
    int a = 1 + random.nextInt(223);
    int b = random.nextInt(256);
    int c = random.nextInt(256);
    return random.nextBoolean() ? a + "." + b + "." + c + ".0/24" : a + "." + b + "." + c + "." + (1 + random.nextInt(254));
  }

  private String v6() {
    return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::" + (random.nextBoolean() ? "/48" : Integer.toHexString(1 + random.nextInt(0xffff)));
  }

  private void line(String text) {
    out.append(text).append('\n');
    lines++;
  }
}
