package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Packet;
import swfw.compiler.explain.Trace;
import swfw.diag.Span;
import swfw.dsl.Frontend;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Soundness of the coverage check against the netfilter model: in seeded random policies, no statement
 * reported as never matching decides any packet of a matrix that has a member of every class the
 * rules tell apart (ports at every range edge, addresses at every network edge, every interface, path
 * and protocol).
 */
class CoverageSoundnessTest {
  private static final long SEED = 4242;
  private static final int POLICIES = 400;
  private static final String[] FROM = {"", "from 10.0.0.0/8", "from 10.1.0.0/16", "from { 10.0.0.0/9, 10.128.0.0/9 }",
      "from 2001:db8::/32", "from { 10.1.0.0/16, 2001:db8:1::/48 }", "from 192.0.2.7", "from 10.0.0.0/9"};
  private static final String[] TO = {"", "", "to 192.0.2.0/24", "to 2001:db8:ff::/48"};
  private static final String[] PORTS = {"22", "80", "8000-8100", "8050", "1-1024", "{ 22, 80 }", ""};
  private static final String[] ON = {"", "", "on eth0", "on eth1", "on eth+"};
  private static final int[] PROBE_PORTS = {0, 1, 21, 22, 23, 79, 80, 81, 1024, 1025, 7999, 8000, 8049, 8050, 8051,
      8100, 8101};
  private static final String[] ADDRESSES = {"203.0.113.254", "0.0.0.0", "10.0.0.0", "10.0.255.255", "10.1.0.0",
      "10.2.0.0", "10.128.0.0", "11.0.0.0", "192.0.2.7", "192.0.2.8", "2001:db8::", "2001:db8:1::", "2001:db8:2::",
      "2001:db9::", "2001:db8:ffff::fe"};
  private static final String[] DESTINATIONS = {"192.0.2.1", "192.0.3.1", "2001:db8:ff::1", "2001:db8:ffff::1"};

  @Test
  void noRuleReportedAsDeadEverDecidesAPacket() {
    Random random = new Random(SEED);
    int reported = 0;
    int checked = 0;
    for (int i = 0; i < POLICIES; i++) {
      String policy = policy(random);
      LintRun run = LintRun.of(policy);
      if (run.compiled().isEmpty() || run.all().stream().anyMatch(d -> d.isError() && !d.code().startsWith("SW40"))) {
        continue;
      }
      checked++;
      LintContext context = new LintContext(run.front().loaded(), run.front().policy().get(), run.compiled().get());
      Set<Span> dead = Coverage.of(context).covered().stream().map(Coverage.Covered::statement).collect(Collectors.toSet());
      reported += dead.size();
      if (!dead.isEmpty()) {
        probe(run.compiled().get(), dead, policy);
      }
    }
    assertTrue(checked == POLICIES, "random policies with errors: " + (POLICIES - checked));
    assertTrue(reported > 50, "the generator should produce covered rules; it produced " + reported);
  }

  private static String policy(Random random) {
    StringBuilder b = new StringBuilder("public eth0, eth1;\n");
    int rules = 2 + random.nextInt(7);
    for (int i = 0; i < rules; i++) {
      String rule = rule(random);
      while (Frontend.run(Path.of("rule.swfw"), "public eth0;\n" + rule).diagnostics().hasErrors()) {
        rule = rule(random);
      }
      b.append(rule).append('\n');
    }
    return b.toString();
  }

  private static String rule(Random random) {
    int kind = random.nextInt(10);
    String from = pick(random, FROM);
    String to = pick(random, TO);
    if (kind == 0) {
      return "publish " + pick(random, new String[] {"tcp", "udp"}) + " " + pick(random, new String[] {"80", "8000-8100", "8050"})
          + " " + from + ";";
    }
    String verb = pick(random, new String[] {"allow", "allow", "deny", "reject", "allow out", "deny out"});
    String target = target(random);
    String limit = verb.startsWith("allow") && random.nextInt(4) == 0 ? " limit 5/second" : "";
    String on = pick(random, ON);
    return verb + " " + target + " " + on + " " + from + " " + to + limit + ";";
  }

  private static String target(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "icmp " + pick(random, new String[] {"", "echo-request", "destination-unreachable"});
      case 2 -> "icmpv6 " + pick(random, new String[] {"", "echo-request"});
      default -> pick(random, new String[] {"tcp", "udp"}) + " " + pick(random, PORTS);
    };
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static void probe(CompiledPolicy policy, Set<Span> dead, String text) {
    for (var node : policy.nodes()) {
      for (Family family : Family.values()) {
        NetfilterModel model = new NetfilterModel(node.ruleset(family));
        for (Packet p : packets(family)) {
          Trace t = model.evaluate(p);
          Optional<Span> by = t.decidedBy().flatMap(s -> s.rule().source());
          if (by.isPresent() && dead.contains(by.get())) {
            fail("line " + by.get().line() + " was reported as never matching, but decides " + p.describe()
                + "\n" + text);
          }
        }
      }
    }
  }

  private static List<Packet> packets(Family family) {
    List<Packet> out = new ArrayList<>();
    List<Cidr> sources = addresses(ADDRESSES, family);
    List<Cidr> destinations = addresses(DESTINATIONS, family);
    for (Packet.Path path : Packet.Path.values()) {
      for (String iface : List.of("eth0", "eth1", "wg0")) {
        for (Cidr src : sources) {
          for (Cidr dst : destinations) {
            Cidr remote = path == Packet.Path.OUTPUT ? dst : src;
            Cidr local = path == Packet.Path.OUTPUT ? src : dst;
            for (int port : PROBE_PORTS) {
              out.addAll(packet(family, path, Protocol.TCP, remote, local, port, Optional.empty(), iface));
              out.addAll(packet(family, path, Protocol.UDP, remote, local, port, Optional.empty(), iface));
            }
            Protocol icmp = family == Family.V4 ? Protocol.ICMP : Protocol.ICMPV6;
            for (int type : family == Family.V4 ? new int[] {0, 3, 8} : new int[] {128, 129}) {
              out.addAll(packet(family, path, icmp, remote, local, 0, Optional.of(type), iface));
            }
            out.addAll(packet(family, path, Protocol.ANY, remote, local, 0, Optional.empty(), iface));
          }
        }
      }
    }
    return out;
  }

  /**
   * For OUTPUT the packet goes from the host ({@code local}) to {@code remote}. Outbound packets that
   * conntrack calls INVALID reach the user's rules too (the output chain accepts only established ones
   * first), so for them the matrix has both states.
   */
  private static List<Packet> packet(Family family, Packet.Path path, Protocol protocol, Cidr remote, Cidr local,
      int port, Optional<Integer> icmpType, String iface) {
    boolean out = path == Packet.Path.OUTPUT;
    List<Packet> packets = new ArrayList<>();
    for (Packet.CtState state : out ? List.of(Packet.CtState.NEW, Packet.CtState.INVALID) : List.of(Packet.CtState.NEW)) {
      packets.add(new Packet(family, path, protocol, out ? local : remote, out ? remote : local, 40000,
          protocol.hasPorts() ? port : 0, icmpType, iface, state, 64));
    }
    return packets;
  }

  private static List<Cidr> addresses(String[] texts, Family family) {
    List<Cidr> out = new ArrayList<>();
    for (String t : texts) {
      Cidr c = Addresses.parse(t).orElseThrow();
      if (c.family() == family) {
        out.add(c);
      }
    }
    return out;
  }
}
