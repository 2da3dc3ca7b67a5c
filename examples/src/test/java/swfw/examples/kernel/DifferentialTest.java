package swfw.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Packet;
import swfw.compiler.explain.Trace;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;
import swfw.examples.ExampleFilesAccess;
import swfw.testkit.Lab;

/**
 * The in-process netfilter model (used by explain, expect and the lints) against the real kernel:
 * for every example and for generated random policies (seeded: a failure names its seed and prints
 * the policy), a matrix of new connections is judged by both, and every verdict must agree.
 * {@code -Dswfw.differential.policies=N} sets how many random policies run (default 200).
 */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {
  private static final int POLICIES = Integer.getInteger("swfw.differential.policies", 200);
  private static final long FIRST_SEED = Long.getLong("swfw.differential.seed", 1);
  private static final int MIN_PACKETS = 50;

  private Lab lab;
  private KernelJudge judge;
  private int judged;
  private int admittedTotal;

  @BeforeAll
  void lab() {
    Lab.skipUnlessRoot();
    lab = Lab.create();
    judge = new KernelJudge(lab);
  }

  @AfterAll
  void close() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void modelAgreesWithTheKernelOnEveryExample() {
    List<String> failures = new ArrayList<>();
    for (String root : ExampleFilesAccess.roots()) {
      CompiledPolicy policy = Compiled.policy(Path.of(root));
      for (CompiledNode node : policy.nodes()) {
        failures.addAll(compare(root + " node " + node.role(), policy, node, new Random(root.hashCode())));
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void modelAgreesWithTheKernelOnRandomPolicies() {
    List<String> failures = new ArrayList<>();
    judged = 0;
    admittedTotal = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + POLICIES && failures.size() < 5; seed++) {
      String text = RandomPolicies.generate(seed);
      CompiledPolicy policy;
      try {
        policy = Compiled.policy(text);
      } catch (AssertionError e) {
        failures.add("seed " + seed + ": the generator made an invalid policy:\n" + text + e.getMessage());
        continue;
      }
      CompiledNode node = policy.nodes().get(0);
      List<String> f = compare("seed " + seed, policy, node, new Random(seed));
      if (!f.isEmpty()) {
        failures.add("policy (seed " + seed + "):\n" + text + String.join("\n", f));
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    // A matrix where everything is dropped (or let through) would agree vacuously.
    assertTrue(judged >= MIN_PACKETS * POLICIES, judged + " packets");
    assertTrue(admittedTotal > judged / 10 && admittedTotal < judged * 9 / 10,
        admittedTotal + " of " + judged + " packets let through");
  }

  @Test
  void judgeTellsPoliciesApart() {
    CompiledPolicy open22 = Compiled.policy("public eth0;\nallow tcp 22;\npublish tcp 8080;\n");
    CompiledPolicy open23 = Compiled.policy("public eth0;\nallow tcp 23;\npublish tcp 8081;\n");
    List<Packet> packets = new ArrayList<>();
    int id = 30000;
    for (int port : new int[] {22, 23}) {
      packets.add(new Packet(Family.V4, Packet.Path.INPUT, Protocol.TCP, parse("198.51.100.1"), parse("203.0.113.1"),
          id++, port, Optional.empty(), "eth0", Packet.CtState.NEW, 64));
      packets.add(new Packet(Family.V6, Packet.Path.INPUT, Protocol.TCP, parse("2001:db8:9::1"), parse("2001:db8:1::1"),
          id++, port, Optional.empty(), "eth0", Packet.CtState.NEW, 64));
    }
    for (int port : new int[] {8080, 8081}) {
      packets.add(new Packet(Family.V4, Packet.Path.FORWARD, Protocol.TCP, parse("198.51.100.1"),
          parse("203.0.113.1"), id++, port, Optional.empty(), "eth0", Packet.CtState.NEW, 64));
    }
    for (String local : RandomPolicies.LOCAL_V4) {
      packets.add(new Packet(Family.V4, Packet.Path.FORWARD, Protocol.TCP, parse("198.51.100.1"), parse(local),
          id++, 8080, Optional.empty(), "eth0", Packet.CtState.NEW, 64));
    }
    judge.load(open22.nodes().get(0), "open22");
    assertEquals(Set.of(0, 1, 4, 6, 7), judge.admitted(packets));
    judge.load(open23.nodes().get(0), "open23");
    assertEquals(Set.of(2, 3, 5), judge.admitted(packets));
    CompiledPolicy toOne = Compiled.policy("public eth0;\npublish tcp 8080 to " + RandomPolicies.LOCAL_V4.get(0) + ";\n");
    judge.load(toOne.nodes().get(0), "toOne");
    assertEquals(Set.of(6), judge.admitted(packets), "a publish 'to' one node address opens the port there only");
  }

  private List<String> compare(String what, CompiledPolicy policy, CompiledNode node, Random random) {
    NodeIr ir = policy.ir().node(node.role()).orElseThrow();
    List<Packet> packets = matrix(ir, random);
    judge.load(node, policy.policyName());
    Set<Integer> admitted = judge.admitted(packets);
    judged += packets.size();
    admittedTotal += admitted.size();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      Trace t = new NetfilterModel(node.ruleset(p.family())).evaluate(p);
      boolean model = t.verdict().admitted();
      if (model != admitted.contains(i)) {
        failures.add(what + ": " + p.describe() + ": model says " + t.verdict()
            + t.decidedBy().map(s -> " (" + s.chain() + " #" + s.position() + ")").orElse("")
            + ", kernel " + (admitted.contains(i) ? "let it through" : "dropped it"));
      }
    }
    return failures;
  }

  /** At least 50 new connections aimed at the node's rules: their ports, their networks, and around them. */
  static List<Packet> matrix(NodeIr node, Random random) {
    List<Packet> out = new ArrayList<>();
    int id = 20000;
    List<RuleIr> rules = node.rules();
    while (out.size() < MIN_PACKETS || out.size() < rules.size() * 6) {
      RuleIr r = rules.isEmpty() || random.nextInt(5) == 0 ? null : rules.get(random.nextInt(rules.size()));
      Family family = r != null ? r.family() : random.nextBoolean() ? Family.V4 : Family.V6;
      Packet.Path path = r != null && r.direction() == swfw.compiler.ir.Direction.PUBLISHED || random.nextInt(4) == 0
          ? Packet.Path.FORWARD : Packet.Path.INPUT;
      Protocol proto = protocol(r, family, random, path);
      String iface = r != null && !r.ifaces().isEmpty() && random.nextInt(4) > 0
          ? r.ifaces().get(random.nextInt(r.ifaces().size()))
          : KernelJudge.IFACES.get(random.nextInt(KernelJudge.IFACES.size()));
      Cidr src = address(r == null ? List.of() : r.from(), family, random);
      // Forwarded packets too go to a node address (the judge DNATs them): 'to' of a publish names those.
      Cidr dst = localAddress(r == null ? List.of() : r.to(), family, iface, random);
      int port = proto.hasPorts() ? port(r, random) : 0;
      Optional<Integer> icmp = proto == Protocol.ICMP ? Optional.of(random.nextInt(4) == 0 ? 13 : 8)
          : proto == Protocol.ICMPV6 ? Optional.of(128) : Optional.empty();
      if (proto.isIcmp() && echoBudgetSpent(out, family)) {
        continue;
      }
      out.add(new Packet(family, path, proto, src, dst, id++, port, icmp, iface, Packet.CtState.NEW, 64));
    }
    return out;
  }

  /** Limits in the examples keep iptables' default burst of 5: send fewer echo requests than that per family. */
  private static boolean echoBudgetSpent(List<Packet> sent, Family family) {
    return sent.stream().filter(p -> p.family() == family && p.protocol().isIcmp()).count() >= 4;
  }

  private static Protocol protocol(RuleIr r, Family family, Random random, Packet.Path path) {
    if (r != null && r.protocol() != Protocol.ANY && (path == Packet.Path.INPUT || r.protocol().hasPorts())) {
      return r.protocol();
    }
    int p = random.nextInt(path == Packet.Path.FORWARD ? 2 : 3);
    return p == 0 ? Protocol.TCP : p == 1 ? Protocol.UDP : family == Family.V4 ? Protocol.ICMP : Protocol.ICMPV6;
  }

  private static int port(RuleIr r, Random random) {
    if (r != null && !r.ports().isEmpty() && random.nextInt(4) > 0) {
      PortRange range = r.ports().get(random.nextInt(r.ports().size()));
      int[] around = {range.low(), range.high(), range.low() - 1, range.high() + 1};
      return Math.max(1, Math.min(65535, around[random.nextInt(around.length)]));
    }
    return 1 + random.nextInt(65535);
  }

  /** A source: inside one of the rule's networks (first or last address), just outside it, or anywhere. */
  private static Cidr address(List<Cidr> networks, Family family, Random random) {
    List<Cidr> mine = networks.stream().filter(c -> c.family() == family).toList();
    if (!mine.isEmpty() && random.nextInt(4) > 0) {
      Cidr n = mine.get(random.nextInt(mine.size())).network();
      long offset = random.nextInt(3) == 0 ? -1 : random.nextBoolean() ? 0 : hostCount(n) - 1;
      return shifted(n, offset);
    }
    List<String> pool = family == Family.V4 ? RandomPolicies.NETS_V4 : RandomPolicies.NETS_V6;
    if (random.nextBoolean()) {
      return shifted(parse(pool.get(random.nextInt(pool.size()))).network(), random.nextInt(3));
    }
    return family == Family.V4 ? parse("100.64." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
        : parse("2001:db8:abcd::" + Integer.toHexString(1 + random.nextInt(0xfffe)));
  }

  private static Cidr localAddress(List<Cidr> to, Family family, String iface, Random random) {
    List<String> locals = new ArrayList<>(family == Family.V4 ? RandomPolicies.LOCAL_V4 : RandomPolicies.LOCAL_V6);
    for (Cidr c : to) {
      if (c.family() == family) {
        locals.add(c.network().address());
      }
    }
    if (random.nextBoolean()) {
      return parse(KernelJudge.hostAddress(iface, family));
    }
    Set<String> choices = new LinkedHashSet<>(locals);
    choices.retainAll(family == Family.V4 ? RandomPolicies.LOCAL_V4 : RandomPolicies.LOCAL_V6);
    List<String> list = List.copyOf(choices.isEmpty() ? Set.of(KernelJudge.hostAddress(iface, family)) : choices);
    return parse(list.get(random.nextInt(list.size())));
  }

  private static long hostCount(Cidr n) {
    int hostBits = n.bits() - n.prefix();
    return hostBits >= 62 ? Long.MAX_VALUE / 2 : 1L << hostBits;
  }

  /** The address {@code offset} after the network's first address (negative: before it). */
  private static Cidr shifted(Cidr n, long offset) {
    long lo = n.lo() + offset;
    long hi = n.hi();
    if (offset < 0 && Long.compareUnsigned(lo, n.lo()) > 0) {
      hi--;
    } else if (offset > 0 && Long.compareUnsigned(lo, n.lo()) < 0) {
      hi++;
    }
    if (n.family() == Family.V4) {
      lo &= 0xffffffffL;
      hi = 0;
    }
    return new Cidr(n.family(), hi, lo, n.bits());
  }

  private static Cidr parse(String address) {
    return Addresses.parse(address).orElseThrow(() -> new IllegalArgumentException(address));
  }
}
