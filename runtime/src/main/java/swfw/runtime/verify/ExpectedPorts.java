package swfw.runtime.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.compiler.ir.Verdict;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.PortRange;

/**
 * What a connect scan from anywhere should see on a host's guarded interfaces, read from the
 * node's inbound rules in order (first match wins, default deny). Ports whose fate depends on the
 * source address ({@code from …}) are left out: a scan from one place cannot judge them.
 */
public final class ExpectedPorts {
  /** Ports worth probing on any Docker host, besides those the policy names. */
  static final List<Integer> SAMPLE = List.of(21, 23, 25, 53, 111, 135, 139, 445, 2375, 2376, 2377, 3306, 5432,
      6379, 7946, 8080, 8443, 9000, 9090, 9443, 10250, 27017);
  /** Ranges wider than this are probed at both ends and the middle only. */
  private static final int WHOLE_RANGE = 16;

  private final List<RuleIr> rules;
  private final Cidr address;

  private ExpectedPorts(List<RuleIr> rules, Cidr address) {
    this.rules = rules;
    this.address = address;
  }

  /** Empty when the node guards no interface (then nothing is filtered, nothing to check). */
  public static Optional<ExpectedPorts> of(NodeIr node, String hostAddress) {
    Cidr addr = Addresses.parse(hostAddress).orElseThrow(() -> new IllegalArgumentException(hostAddress));
    Set<String> guarded = new TreeSet<>();
    node.guarded().forEach(g -> guarded.add(g.iface()));
    if (guarded.isEmpty()) {
      return Optional.empty();
    }
    List<RuleIr> rules = node.rules(addr.family(), Direction.INBOUND).stream()
        .filter(r -> r.ifaces().stream().anyMatch(guarded::contains)).toList();
    return Optional.of(new ExpectedPorts(rules, addr));
  }

  /** The expectation for one TCP port, or empty when it depends on where the scan comes from. */
  public Optional<Expect> tcp(int port) {
    for (RuleIr r : rules) {
      if (!(r.protocol() == Protocol.TCP || r.protocol() == Protocol.ANY)
          || !r.ports().isEmpty() && r.ports().stream().noneMatch(p -> p.contains(port))
          || !r.to().isEmpty() && r.to().stream().noneMatch(c -> c.contains(address))) {
        continue;
      }
      if (!r.from().isEmpty() && r.from().stream().noneMatch(Cidr::isAny)) {
        return Optional.empty();
      }
      return Optional.of(r.verdict() == Verdict.ACCEPT ? Expect.OPEN
          : r.verdict() == Verdict.REJECT ? Expect.REJECTED : Expect.CLOSED);
    }
    return Optional.of(Expect.CLOSED);
  }

  /**
   * The ports to probe and what each should show: every port an inbound rule names (wide ranges
   * sampled), the ports {@code published} anywhere in the policy, and {@link #SAMPLE}.
   */
  public TreeMap<Integer, Expect> probes(Set<Integer> published) {
    Set<Integer> ports = new TreeSet<>(SAMPLE);
    ports.addAll(published);
    for (RuleIr r : rules) {
      if (r.protocol() == Protocol.TCP || r.protocol() == Protocol.ANY) {
        for (PortRange p : r.ports()) {
          addRange(ports, p);
        }
      }
    }
    TreeMap<Integer, Expect> out = new TreeMap<>();
    for (int p : ports) {
      tcp(p).ifPresent(e -> out.put(p, e));
    }
    return out;
  }

  private static void addRange(Set<Integer> ports, PortRange p) {
    if (p.high() - p.low() < WHOLE_RANGE) {
      for (int i = p.low(); i <= p.high(); i++) {
        ports.add(i);
      }
    } else {
      ports.add(p.low());
      ports.add(p.low() + (p.high() - p.low()) / 2);
      ports.add(p.high());
    }
  }

  /** The TCP ports any node of the policy publishes (container-published ports allowed from outside). */
  public static Set<Integer> publishedTcp(List<NodeIr> nodes) {
    Set<Integer> out = new TreeSet<>();
    for (NodeIr n : nodes) {
      for (RuleIr r : n.rules()) {
        if (r.direction() == Direction.PUBLISHED && r.protocol() == Protocol.TCP) {
          r.ports().forEach(p -> addRange(out, p));
        }
      }
    }
    return out;
  }

  public Family family() {
    return address.family();
  }
}
