package swfw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One network namespace of a {@link Lab}: a host, a container or a router in a test topology.
 * Configuration methods run {@code ip -n <name> …} at once and throw with the tool's stderr when
 * it fails; they return {@code this} so set-up reads as a chain.
 */
public final class Netns {

  /** Upper bound for a listener to come up (python start plus bind; normally ~30 ms). */
  static final Duration LISTENER_START = Duration.ofSeconds(10);

  private final Lab lab;
  private final String name;
  private final String role;

  Netns(Lab lab, String name, String role) {
    this.lab = lab;
    this.name = name;
    this.role = role;
  }

  /** Full namespace name, {@code swfw-<lab id>-<role>}, as {@code ip netns list} shows it. */
  public String name() {
    return name;
  }

  /** The short role given to {@link Lab#netns(String)}; listeners answer with it. */
  public String role() {
    return role;
  }

  public Lab lab() {
    return lab;
  }

  /** Runs {@code argv} inside the namespace ({@code ip netns exec}), killed after {@code timeout}. */
  public ExecResult exec(Duration timeout, String... argv) {
    return execInput(null, timeout, argv);
  }

  /** {@link #exec(Duration, String...)} with {@link Lab#DEFAULT_TIMEOUT}. */
  public ExecResult exec(String... argv) {
    return exec(Lab.DEFAULT_TIMEOUT, argv);
  }

  /** Runs {@code argv} inside the namespace with {@code stdin} as its standard input. */
  public ExecResult execInput(String stdin, Duration timeout, String... argv) {
    if (argv.length == 0) {
      throw new IllegalArgumentException("no command");
    }
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(Arrays.asList(argv));
    return Exec.run(cmd, stdin, timeout, lab.scratch());
  }

  /** Runs {@code argv} inside the namespace and returns its stdout; throws unless it exits 0. */
  public String run(String... argv) {
    return exec(argv).orThrow().stdout();
  }

  /** {@code ip -n <name> args…}; throws on failure. */
  public Netns ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
    cmd.addAll(Arrays.asList(args));
    lab.execRoot(cmd).orThrow();
    return this;
  }

  /** Several {@code ip} commands (one per line, without the leading {@code ip}) in one process. */
  public Netns ipBatch(List<String> lines) {
    String script = String.join("\n", lines) + "\n";
    Exec.run(List.of("ip", "-n", name, "-batch", "-"), script, Lab.DEFAULT_TIMEOUT, lab.scratch()).orThrow();
    return this;
  }

  /** Adds an IPv4 or IPv6 address ({@code 203.0.113.1/24}, {@code 2001:db8::1/64}; v6 without DAD). */
  public Netns addr(String iface, String cidr) {
    return cidr.contains(":") ? ip("addr", "add", cidr, "dev", iface, "nodad") : ip("addr", "add", cidr, "dev", iface);
  }

  /** Brings an interface up. */
  public Netns up(String iface) {
    return ip("link", "set", iface, "up");
  }

  /** {@code ip route add spec…}, e.g. {@code route("172.17.0.0/16", "via", "203.0.113.1")}. */
  public Netns route(String... spec) {
    List<String> args = new ArrayList<>(List.of(isV6(spec) ? "-6" : "-4", "route", "add"));
    args.addAll(Arrays.asList(spec));
    return ip(args.toArray(String[]::new));
  }

  /** Default route via {@code gateway} (family taken from the address). */
  public Netns defaultRoute(String gateway) {
    return route("default", "via", gateway);
  }

  /**
   * Sets a sysctl inside the namespace ({@code net.*} keys are per namespace). Dotted form
   * ({@code net.ipv4.ip_forward}); use slashes for names that contain dots
   * ({@code net/ipv4/conf/eth0.100/rp_filter}).
   */
  public Netns sysctl(String key, String value) {
    String path = "/proc/sys/" + (key.contains("/") ? key : key.replace('.', '/'));
    exec("sh", "-c", "echo \"$1\" > \"$2\"", "sh", value, path).orThrow();
    return this;
  }

  /** Turns on IPv4 forwarding ({@code net.ipv4.ip_forward=1}), as Docker does on a host. */
  public Netns ipForward() {
    return sysctl("net.ipv4.ip_forward", "1");
  }

  /** Turns on IPv6 forwarding on all interfaces. */
  public Netns ip6Forward() {
    return sysctl("net.ipv6.conf.all.forwarding", "1");
  }

  /**
   * Empties the neighbour (ARP/NDP) cache, so the next IPv6 packet must pass neighbour
   * discovery through the firewall again (a cached entry would hide a missing NDP allowance).
   */
  public Netns flushNeighbours() {
    return ip("neigh", "flush", "all");
  }

  /** Empties the conntrack table ({@code conntrack -F}): earlier connections stop counting as ESTABLISHED. */
  public Netns flushConntrack() {
    exec("conntrack", "-F").orThrow();
    return this;
  }

  /** Creates a bridge and brings it up. */
  public Netns bridge(String bridge) {
    Lab.checkIfName(bridge);
    return ipBatch(List.of("link add " + bridge + " type bridge", "link set " + bridge + " up"));
  }

  /** Enslaves {@code iface} to {@code bridge}. */
  public Netns master(String iface, String bridge) {
    return ip("link", "set", iface, "master", bridge);
  }

  /**
   * Starts {@code argv} in the background inside the namespace, stdout and stderr to a log
   * ({@link Background#output()}). Killed when the lab closes.
   */
  public Background spawn(String... argv) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(Arrays.asList(argv));
    try {
      Path log = Files.createTempFile(lab.scratch(), "bg-" + role + "-", ".log");
      Process p = Exec.builder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Background b = new Background(this, cmd, p, log);
      lab.register(b);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
    }
  }

  /** A TCP listener on {@code port} (IPv4 and IPv6) that answers every connection with {@code role:port}. */
  public Background listenTcp(int port) {
    return listenTcp(port, role + ":" + port);
  }

  /** A TCP listener that sends {@code reply} and a newline to every client, then closes. Returns once listening. */
  public Background listenTcp(int port, String reply) {
    return Listener.start(this, "tcp", port, reply).awaitTcpListening(port, LISTENER_START);
  }

  /** A UDP responder on {@code port} (IPv4 and IPv6) that answers every datagram with {@code role:port}. */
  public Background listenUdp(int port) {
    return listenUdp(port, role + ":" + port);
  }

  /** A UDP responder that answers every datagram with {@code reply} and a newline. Returns once bound. */
  public Background listenUdp(int port, String reply) {
    return Listener.start(this, "udp", port, reply).awaitUdpBound(port, LISTENER_START);
  }

  /** iptables (IPv4) of this namespace. */
  public Iptables iptables() {
    return Iptables.v4(this);
  }

  /** ip6tables of this namespace. */
  public Iptables ip6tables() {
    return Iptables.v6(this);
  }

  @Override
  public String toString() {
    return name;
  }

  ExecResult sh(String script) {
    return exec("sh", "-c", script);
  }

  private static boolean isV6(String... spec) {
    for (String s : spec) {
      if (s.contains(":")) {
        return true;
      }
    }
    return false;
  }
}
