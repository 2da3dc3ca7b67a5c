package swfw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A set of network namespaces wired together for one test (or one test class), with every
 * process started in them. Closing the lab kills those processes and deletes the namespaces
 * (and with them every veth, bridge, address and netfilter rule); a JVM shutdown hook does the
 * same if the lab was never closed.
 *
 * <p>Namespaces are named {@code swfw-<lab id>-<role>}, the lab id being six random
 * characters, so parallel runs and leftovers of killed runs never clash.
 *
 * <pre>{@code
 * try (Lab lab = Lab.create()) {             // skips the test when not root
 *   Netns a = lab.netns("a"), b = lab.netns("b");
 *   lab.veth(a, "eth0", b, "eth0");
 *   a.addr("eth0", "10.10.10.1/24");
 *   b.addr("eth0", "10.10.10.2/24");
 *   b.listenTcp(22);                          // answers "b:22"
 *   assertEquals("OPEN(b:22)", Probe.tcpConnect(a, "10.10.10.2", 22).toString());
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

  /** Every namespace this kit creates starts with this. */
  public static final String PREFIX = "swfw-";
  /** Default bound for a command run in a namespace. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  static final Path NETNS_DIR = Path.of("/run/netns");
  private static final Pattern OURS = Pattern.compile("swfw-[a-z0-9]{6}-[a-z0-9][a-z0-9-]*");
  private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
  private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

  private final String id;
  private final Path scratch;
  private final Map<String, Netns> namespaces = new LinkedHashMap<>();
  private final List<Background> processes = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  private Lab(String id, Path scratch) {
    this.id = id;
    this.scratch = scratch;
    this.shutdownHook = new Thread(this::cleanUpQuietly, "swfw-lab-" + id + "-cleanup");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * A new, empty lab. Skips the calling test (JUnit assumption) when not running as root or when
   * network namespaces cannot be created, see {@link #skipUnlessRoot()}.
   */
  public static Lab create() {
    skipUnlessRoot();
    String id = randomId();
    try {
      return new Lab(id, Files.createTempDirectory("swfw-lab-" + id + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create scratch directory", e);
    }
  }

  /**
   * Aborts the calling test or class (JUnit {@link Assumptions}) with a clear message when this
   * process is not root or {@code ip netns add} does not work here. Checked once per JVM.
   */
  public static void skipUnlessRoot() {
    String problem = Support.PROBLEM;
    Assumptions.assumeTrue(problem == null, problem);
  }

  /**
   * Deletes namespaces left by labs of earlier, killed runs ({@code swfw-xxxxxx-role} names only)
   * that were created longer ago than {@code olderThan}, killing the processes still inside.
   * Never called automatically: a parallel run's namespaces are younger than any sane threshold.
   *
   * @return the names removed
   */
  public static List<String> removeLeftovers(Duration olderThan) {
    Instant cutoff = Instant.now().minus(olderThan);
    List<String> stale = new ArrayList<>();
    for (String name : existingNamespaces()) {
      if (OURS.matcher(name).matches() && created(name).toInstant().isBefore(cutoff)) {
        stale.add(name);
      }
    }
    if (!stale.isEmpty()) {
      Namespaces.destroy(stale, tmp());
    }
    return stale;
  }

  /** Names of all namespaces in {@code /run/netns} (what {@code ip netns list} shows). */
  public static List<String> existingNamespaces() {
    if (!Files.isDirectory(NETNS_DIR)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(NETNS_DIR)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The six random characters shared by this lab's namespace names. */
  public String id() {
    return id;
  }

  /**
   * Creates namespace {@code swfw-<id>-<role>} with {@code lo} up, IPv6 duplicate address
   * detection off (addresses work at once) and ICMP error rate limits off (so REJECT and closed
   * UDP ports answer every probe, not six a second).
   *
   * @param role short name, {@code [a-z0-9-]}, unique in this lab; listeners answer with it
   */
  public synchronized Netns netns(String role) {
    ensureOpen();
    if (!ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException("role must match " + ROLE + ": '" + role + "'");
    }
    if (namespaces.containsKey(role)) {
      throw new IllegalArgumentException("role '" + role + "' already exists in lab " + id);
    }
    String name = PREFIX + id + "-" + role;
    execRoot(List.of("ip", "netns", "add", name)).orThrow();
    Netns ns = new Netns(this, name, role);
    namespaces.put(role, ns);
    ns.sh("for f in ipv6/conf/all/accept_dad ipv6/conf/default/accept_dad ipv4/icmp_ratelimit"
        + " ipv6/icmp/ratelimit; do [ -w /proc/sys/net/$f ] && echo 0 > /proc/sys/net/$f; done;"
        + " exec ip link set lo up").orThrow();
    return ns;
  }

  /** The namespace created for {@code role}. */
  public synchronized Netns netnsOf(String role) {
    Netns ns = namespaces.get(role);
    if (ns == null) {
      throw new IllegalArgumentException("no namespace for role '" + role + "' in lab " + id);
    }
    return ns;
  }

  /** This lab's namespaces in creation order. */
  public synchronized List<Netns> namespaces() {
    return List.copyOf(namespaces.values());
  }

  /**
   * Connects two namespaces with a veth pair, interface {@code ifA} in {@code a} and {@code ifB}
   * in {@code b} (any names, e.g. {@code eth0} in both), and brings both ends up.
   */
  public Lab veth(Netns a, String ifA, Netns b, String ifB) {
    createVeth(a, ifA, b, ifB);
    a.up(ifA);
    b.up(ifB);
    return this;
  }

  /** Kills every process started in this lab and deletes its namespaces. Idempotent. */
  @Override
  public void close() {
    List<String> failures = cleanUp();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to; cleanUp is idempotent
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("lab " + id + " not fully cleaned up: " + String.join("; ", failures));
    }
  }

  @Override
  public String toString() {
    return "Lab[" + id + ", " + namespaces.keySet() + "]";
  }

  // ---- package-private plumbing for Netns, Background, DockerLab ----

  /** The veth pair, both ends still down (the caller brings them up in its own batch). */
  void createVeth(Netns a, String ifA, Netns b, String ifB) {
    ensureOpen();
    checkIfName(ifA);
    checkIfName(ifB);
    execRoot(List.of("ip", "link", "add", ifA, "netns", a.name(), "type", "veth",
        "peer", "name", ifB, "netns", b.name())).orThrow();
  }

  ExecResult execRoot(List<String> command) {
    return Exec.run(command, null, DEFAULT_TIMEOUT, scratch);
  }

  Path scratch() {
    return scratch;
  }

  synchronized void register(Background b) {
    ensureOpen();
    processes.add(b);
  }

  static void checkIfName(String ifName) {
    if (!IFNAME.matcher(ifName).matches()) {
      throw new IllegalArgumentException("interface names are 1-15 of [A-Za-z0-9_.-]: '" + ifName + "'");
    }
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("lab " + id + " is closed");
    }
  }

  private synchronized List<String> cleanUp() {
    if (closed) {
      return List.of();
    }
    closed = true;
    List<String> failures = new ArrayList<>();
    for (Background b : processes) {
      b.close();
    }
    List<String> names = namespaces.values().stream().map(Netns::name).toList();
    failures.addAll(Namespaces.destroy(names, scratch));
    deleteTree(scratch);
    return failures;
  }

  private void cleanUpQuietly() {
    List<String> failures = cleanUp();
    if (!failures.isEmpty()) {
      System.err.println("swfw testkit: lab " + id + " cleanup at exit: " + failures);
    }
  }

  private static FileTime created(String name) {
    try {
      return Files.getLastModifiedTime(NETNS_DIR.resolve(name));
    } catch (IOException e) {
      return FileTime.from(Instant.now());
    }
  }

  private static String randomId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static Path tmp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // already gone
    }
  }

  /** Whether this machine can run kernel tests; computed once, then immutable. */
  private static final class Support {
    static final String PROBLEM = probe();

    private static String probe() {
      long uid = Namespaces.effectiveUid();
      if (uid != 0) {
        return "kernel test skipped: needs root for network namespaces and iptables (running as uid " + uid + ")";
      }
      String name = PREFIX + randomId() + "-probe";
      ExecResult add = Exec.run(List.of("ip", "netns", "add", name), null, DEFAULT_TIMEOUT, tmp());
      if (!add.ok()) {
        return "kernel test skipped: `ip netns add` does not work here: " + add.describe();
      }
      Namespaces.destroy(List.of(name), tmp());
      return null;
    }
  }
}
