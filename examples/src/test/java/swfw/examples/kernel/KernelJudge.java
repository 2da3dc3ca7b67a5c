package swfw.examples.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import swfw.compiler.CompiledNode;
import swfw.compiler.explain.Packet;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Family;
import swfw.testkit.Lab;
import swfw.testkit.Netns;

/**
 * Judges packets with the real kernel: a node namespace with eth0, eth1 and ens11 (each wired to a
 * sender namespace) and a docker0 standing in for a container network; hand-built packets are sent
 * as Ethernet frames (those for the FORWARD path DNAT'ed to the container, as Docker's published ports
 * are) and the ones the node's filter table let through are read back from conntrack
 * (an entry is only confirmed for a packet that was not dropped). The node's own TCP resets are
 * dropped in the raw table so that connection entries live long enough to be read.
 */
final class KernelJudge {
  static final List<String> IFACES = List.of("eth0", "eth1", "ens11");
  static final String CONTAINER_V4 = "172.17.0.2";
  static final String CONTAINER_V6 = "fd17::2";
  /** The source MAC of forwarded packets: the node DNATs them to the container. */
  private static final String PUBLISHED_MAC = "02:00:00:00:d0:c7";

  private final Netns node;
  private final Netns sender;
  private final Path injector;
  private final List<String[]> links = new ArrayList<>();

  KernelJudge(Lab lab) {
    node = lab.netns("node");
    sender = lab.netns("sender");
    injector = copyInjector();
    String[][] addrs = {{"203.0.113.1/24", "2001:db8:1::1/64"}, {"198.18.0.1/24", "2001:db8:2::1/64"},
        {"10.10.10.1/24", "fd10::1/64"}};
    for (int i = 0; i < IFACES.size(); i++) {
      String iface = IFACES.get(i);
      lab.veth(sender, "s" + i, node, iface);
      node.addr(iface, addrs[i][0]).addr(iface, addrs[i][1]);
      links.add(new String[] {"s" + i, mac(node, iface), mac(sender, "s" + i)});
    }
    // docker0 is one end of a veth whose other end only swallows frames: containers need not answer.
    node.ip("link", "add", "docker0", "type", "veth", "peer", "name", "docker0p").up("docker0p").up("docker0")
        .addr("docker0", "172.17.0.1/16").addr("docker0", "fd17::1/64")
        .ip("neigh", "add", CONTAINER_V4, "lladdr", "02:00:00:00:00:02", "dev", "docker0", "nud", "permanent")
        .ip("neigh", "add", CONTAINER_V6, "lladdr", "02:00:00:00:00:02", "dev", "docker0", "nud", "permanent");
    for (String local : RandomPolicies.LOCAL_V4) {
      node.addr("lo", local + "/32");
    }
    for (String local : RandomPolicies.LOCAL_V6) {
      node.addr("lo", local + "/128");
    }
    node.ip("route", "add", "default", "dev", "eth0").ip("-6", "route", "add", "default", "dev", "eth0");
    node.ipForward().ip6Forward();
    node.sysctl("net.ipv4.conf.all.rp_filter", "0");
    for (String iface : IFACES) {
      node.sysctl("net.ipv4.conf." + iface + ".rp_filter", "0");
    }
    String noResets = "*raw\n-A OUTPUT -p tcp -m tcp --tcp-flags RST RST -j DROP\nCOMMIT\n";
    node.execInput(noResets + publishedNat(CONTAINER_V4), Duration.ofSeconds(10), "iptables-restore", "--noflush")
        .orThrow();
    node.execInput(noResets + publishedNat(CONTAINER_V6), Duration.ofSeconds(10), "ip6tables-restore", "--noflush")
        .orThrow();
  }

  /**
   * Docker's part for forwarded packets: frames from {@link #PUBLISHED_MAC} are DNAT'ed to the container,
   * keeping the port, so the node address and port a packet was sent to are what conntrack's original
   * tuple holds (as for a swarm ingress port) and DOCKER-USER sees the container's address.
   */
  private static String publishedNat(String container) {
    return "*nat\n-A PREROUTING -m mac --mac-source " + PUBLISHED_MAC + " -j DNAT --to-destination " + container
        + "\nCOMMIT\n";
  }

  Netns node() {
    return node;
  }

  /** The node's address on an interface, for packets to the host. */
  static String hostAddress(String iface, Family family) {
    int i = IFACES.indexOf(iface);
    String[] v4 = {"203.0.113.1", "198.18.0.1", "10.10.10.1"};
    String[] v6 = {"2001:db8:1::1", "2001:db8:2::1", "fd10::1"};
    return family == Family.V4 ? v4[i] : v6[i];
  }

  /** Loads a node's boot files (a full restore of the filter table: nothing of the previous policy stays). */
  void load(CompiledNode compiled, String policyName) {
    node.exec("ipset", "destroy");
    Compiled.boot(node, compiled, policyName);
    node.exec("conntrack", "-F");
  }

  /** Sends every packet (each with a unique source port or ICMP id) and returns the indexes the kernel let through. */
  Set<Integer> admitted(List<Packet> packets) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      String[] link = links.get(IFACES.indexOf(p.iface()));
      String srcMac = p.path() == Packet.Path.FORWARD ? PUBLISHED_MAC : link[2];
      lines.append(link[0]).append(' ').append(link[1]).append(' ').append(srcMac).append(' ')
          .append(p.family() == Family.V4 ? "4" : "6").append(' ').append(proto(p.protocol())).append(' ')
          .append(p.src().address()).append(' ').append(p.dst().address()).append(' ')
          .append(p.srcPort()).append(' ').append(p.dstPort()).append(' ').append(p.icmpType().orElse(0)).append(' ')
          .append(p.protocol().isIcmp() ? p.srcPort() : 0).append('\n');
    }
    sender.execInput(lines.toString(), Duration.ofSeconds(20), "python3", injector.toString()).orThrow();
    Set<Integer> seen = new HashSet<>();
    // Frames are delivered synchronously on veth; a short poll covers the rest.
    for (int attempt = 0; attempt < 3; attempt++) {
      seen.clear();
      for (String family : List.of("ipv4", "ipv6")) {
        String table = node.exec("conntrack", "-L", "-f", family).stdout();
        for (String line : table.split("\n")) {
          int id = probeId(line);
          if (id >= 0) {
            seen.add(id);
          }
        }
      }
      if (seen.size() > 0 || attempt == 2) {
        break;
      }
      sleep(30);
    }
    Set<Integer> indexes = new HashSet<>();
    for (int i = 0; i < packets.size(); i++) {
      if (seen.contains(packets.get(i).srcPort())) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /** The probe's source port (tcp, udp) or ICMP id from the first tuple of a conntrack line, or -1. */
  private static int probeId(String line) {
    for (String key : new String[] {"sport=", "id="}) {
      int at = line.indexOf(' ' + key);
      if (at >= 0) {
        int start = at + 1 + key.length();
        int end = line.indexOf(' ', start);
        return Integer.parseInt(line.substring(start, end < 0 ? line.length() : end));
      }
    }
    return -1;
  }

  private static String proto(Protocol p) {
    return p.keyword();
  }

  private static String mac(Netns ns, String iface) {
    String out = ns.run("cat", "/sys/class/net/" + iface + "/address").strip();
    if (!out.matches("[0-9a-f:]{17}")) {
      throw new IllegalStateException("no MAC for " + iface + ": " + out);
    }
    return out;
  }

  private static Path copyInjector() {
    try (InputStream in = KernelJudge.class.getResourceAsStream("/kernel/inject.py")) {
      Path tmp = Files.createTempFile("swfw-inject", ".py");
      Files.write(tmp, in.readAllBytes());
      tmp.toFile().deleteOnExit();
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
