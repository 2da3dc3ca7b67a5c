package swfw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Packet;
import swfw.compiler.iptables.Forms;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * How many rules each packet of a matrix is compared with, in swfw's boot files for the seed's
 * cluster and in the seed's hand-written files (issue 6, target 4). Both are counted by one tiny
 * evaluator ({@link RestoreFile}); swfw's counts are checked against its own netfilter model.
 *
 * <p>Usage: {@code RulesTraversed POLICY SEED_DIR}, with the seed's files named
 * {@code master.rules.v4}, {@code worker.rules.v4} and {@code rules.v6} (the same on every node).
 */
public final class RulesTraversed {
  /** One class of packet; {@code icmp} and {@code icmp6} are the types in each family, -1 for none. */
  private record Case(String name, Packet.Path path, Protocol protocol, int port, int icmp, int icmp6,
      String iface, Packet.CtState state, boolean v6Only) {}

  private static final List<Case> MATRIX = List.of(
      new Case("established (a reply)", Packet.Path.INPUT, Protocol.TCP, 40000, -1, -1, "eth0",
          Packet.CtState.ESTABLISHED, false),
      new Case("new ssh", Packet.Path.INPUT, Protocol.TCP, 22, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("new http", Packet.Path.INPUT, Protocol.TCP, 80, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("new https", Packet.Path.INPUT, Protocol.TCP, 443, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("new tcp 8080 (closed)", Packet.Path.INPUT, Protocol.TCP, 8080, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("new udp 53 (closed)", Packet.Path.INPUT, Protocol.UDP, 53, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("ping", Packet.Path.INPUT, null, 0, 8, 128, "eth0", Packet.CtState.NEW, false),
      new Case("icmp error (related)", Packet.Path.INPUT, null, 0, 3, 1, "eth0", Packet.CtState.RELATED, false),
      new Case("neighbour solicitation", Packet.Path.INPUT, null, 0, -1, 135, "eth0", Packet.CtState.UNTRACKED, true),
      new Case("new tcp 2377 on ens11", Packet.Path.INPUT, Protocol.TCP, 2377, -1, -1, "ens11", Packet.CtState.NEW, false),
      new Case("forwarded, established", Packet.Path.FORWARD, Protocol.TCP, 40000, -1, -1, "eth0",
          Packet.CtState.ESTABLISHED, false),
      new Case("forwarded, new to port 80", Packet.Path.FORWARD, Protocol.TCP, 80, -1, -1, "eth0", Packet.CtState.NEW, false),
      new Case("forwarded, new to port 8080", Packet.Path.FORWARD, Protocol.TCP, 8080, -1, -1, "eth0",
          Packet.CtState.NEW, false),
      new Case("outbound, new https", Packet.Path.OUTPUT, Protocol.TCP, 443, -1, -1, "eth0", Packet.CtState.NEW, false));

  private RulesTraversed() {}

  public static void main(String[] args) throws IOException {
    Path policy = Path.of(args[0]);
    Path seed = Path.of(args[1]);
    CompiledPolicy compiled = compile(policy);
    List<String> columns = new ArrayList<>();
    List<int[]> swfw = new ArrayList<>();
    List<int[]> hand = new ArrayList<>();
    for (String role : List.of("master", "worker")) {
      CompiledNode node = compiled.node(role).orElseThrow(() -> new IllegalArgumentException("no node role " + role));
      for (Family f : Family.values()) {
        String seedFile = f == Family.V4 ? role + ".rules.v4" : "rules.v6";
        columns.add(role + (f == Family.V4 ? " v4" : " v6"));
        swfw.add(count(new RestoreFile(Forms.render(node.ruleset(f), Forms.Form.BOOT, "bench")), f,
            new NetfilterModel(node.ruleset(f))));
        hand.add(count(new RestoreFile(Files.readString(seed.resolve(seedFile))), f, null));
      }
    }
    print(columns, swfw, hand);
  }

  private static CompiledPolicy compile(Path policy) {
    Frontend front = Frontend.run(policy);
    Diagnostics diags = new Diagnostics();
    return front.policy().flatMap(p -> Compiler.compile(p, diags))
        .orElseThrow(() -> new IllegalArgumentException(policy + " does not compile: " + front.renderDiagnostics()));
  }

  /** Rules traversed per case (-1 where a case has no packet in this family); checked against the model. */
  private static int[] count(RestoreFile file, Family family, NetfilterModel model) {
    int[] counts = new int[MATRIX.size()];
    for (int i = 0; i < MATRIX.size(); i++) {
      Optional<Packet> p = packet(MATRIX.get(i), family);
      counts[i] = p.map(packet -> file.traversed(start(packet.path()), packet)).orElse(-1);
      if (model != null && p.isPresent() && model.evaluate(p.get()).rulesTraversed() != counts[i]) {
        throw new IllegalStateException(MATRIX.get(i).name() + ": the evaluator counts " + counts[i]
            + " rules, swfw's model " + model.evaluate(p.get()).rulesTraversed());
      }
    }
    return counts;
  }

  /** Docker's FORWARD jumps to DOCKER-USER first: both layouts are counted from there. */
  private static String start(Packet.Path path) {
    return switch (path) {
      case INPUT -> "INPUT";
      case FORWARD -> "DOCKER-USER";
      case OUTPUT -> "OUTPUT";
    };
  }

  private static Optional<Packet> packet(Case c, Family family) {
    if (c.v6Only() && family == Family.V4) {
      return Optional.empty();
    }
    boolean v4 = family == Family.V4;
    Protocol protocol = c.protocol() != null ? c.protocol() : v4 ? Protocol.ICMP : Protocol.ICMPV6;
    Optional<Integer> icmp = c.protocol() != null ? Optional.empty() : Optional.of(v4 ? c.icmp() : c.icmp6());
    Cidr remote = Addresses.parse(v4 ? "203.0.113.5" : "2001:db8:1::5").orElseThrow();
    Cidr host = Addresses.parse(v4 ? "11.22.22.11" : "2001:db8:2::11").orElseThrow();
    boolean out = c.path() == Packet.Path.OUTPUT;
    return Optional.of(new Packet(family, c.path(), protocol, out ? host : remote, out ? remote : host, 40000, c.port(),
        icmp, c.iface(), c.state(), 255));
  }

  private static void print(List<String> columns, List<int[]> swfw, List<int[]> hand) {
    StringBuilder head = new StringBuilder(String.format("%-30s", "rules traversed: swfw / seed"));
    columns.forEach(c -> head.append(String.format("%14s", c)));
    System.out.println(head);
    int[][] totals = new int[columns.size()][2];
    for (int i = 0; i < MATRIX.size(); i++) {
      StringBuilder row = new StringBuilder(String.format("%-30s", MATRIX.get(i).name()));
      for (int c = 0; c < columns.size(); c++) {
        int s = swfw.get(c)[i];
        int h = hand.get(c)[i];
        row.append(s < 0 ? String.format("%14s", "-") : String.format("%9d / %2d", s, h));
        totals[c][0] += Math.max(0, s);
        totals[c][1] += Math.max(0, h);
      }
      System.out.println(row);
    }
    StringBuilder total = new StringBuilder(String.format("%-30s", "total"));
    int all = 0;
    int allSeed = 0;
    for (int[] t : totals) {
      total.append(String.format("%9d / %2d", t[0], t[1]));
      all += t[0];
      allSeed += t[1];
    }
    System.out.println(total);
    System.out.printf("all packets, all nodes and families: swfw %d, seed %d (%.2fx)%n", all, allSeed, (double) all / allSeed);
  }
}
