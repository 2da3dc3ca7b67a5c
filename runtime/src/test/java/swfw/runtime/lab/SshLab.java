package swfw.runtime.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import swfw.testkit.Lab;
import swfw.testkit.Netns;

/**
 * Hosts for deploy tests: network namespaces, each running its own OpenSSH server with its own host
 * key and its own {@code /etc/swfw}, {@code /etc/iptables}, {@code /var/lib/swfw}, {@code /run/swfw}
 * (bind mounts in a private mount namespace), Docker 28's filter chains loaded, and a {@code docker}
 * stand-in on the PATH that records its calls (the Docker engine cannot run here).
 *
 * <p>The test JVM is the operator: it stays in the root network namespace, where a bridge
 * ({@code swfwbr-<lab id>}, {@code SUBNET.1/24}) connects every host's {@code eth0}; the hosts also
 * share an internal network on {@code ens11} (10.10.10.0/24) through a switch namespace.
 */
public final class SshLab implements AutoCloseable {
  private final Lab lab;
  private final Path dir;
  private final String bridge;
  private final Map<String, SshHost> hosts = new LinkedHashMap<>();
  private final Path clientKey;
  private final Path otherKey;
  private final Path knownHosts;
  private String subnet;

  private SshLab(Lab lab, Path dir) {
    this.lab = lab;
    this.dir = dir;
    this.bridge = "swfwbr-" + lab.id();
    this.clientKey = dir.resolve("id_ed25519");
    this.otherKey = dir.resolve("other_ed25519");
    this.knownHosts = dir.resolve("known_hosts");
  }

  /** One host to create: its name, the last octet of its addresses, and whether it has iptables. */
  public record Spec(String name, int octet, boolean iptables) {
    public static Spec of(String name, int octet) {
      return new Spec(name, octet, true);
    }
  }

  /** Documentation and benchmark networks, tried in order: the first one the root namespace does not route. */
  private static final List<String> SUBNETS = List.of("203.0.113", "198.51.100", "198.18.7", "198.19.7", "192.0.2");

  /**
   * Creates the hosts on a /24 the root namespace does not use yet and starts their SSH servers.
   * Skips the calling test (JUnit assumption) when not root.
   */
  public static SshLab start(List<Spec> specs) {
    Lab lab = Lab.create();
    SshLab ssh = null;
    try {
      // world-traversable: sshd reads the shared authorized_keys as the logging-in user (root or deploy)
      ssh = new SshLab(lab, Files.createTempDirectory("swfw-sshlab-" + lab.id() + "-",
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"))));
      ssh.subnet = freeSubnet();
      ssh.build(ssh.subnet, specs);
      return ssh;
    } catch (IOException | RuntimeException e) {
      if (ssh != null) {
        ssh.close();
      } else {
        lab.close();
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private void build(String subnet, List<Spec> specs) throws IOException {
    if (!Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
      throw new IllegalStateException("/usr/sbin/sshd not found: install openssh-server (./run-tests does)");
    }
    Root.run("ip", "link", "add", bridge, "type", "bridge");
    Root.run("ip", "addr", "add", subnet + ".1/24", "dev", bridge);
    Root.run("ip", "link", "set", bridge, "up");
    Netns sw = lab.netns("sw").bridge("br0");
    Root.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "swfw-test", "-f", clientKey.toString());
    Root.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "not-authorized", "-f", otherKey.toString());
    String authorized = Files.readString(Path.of(clientKey + ".pub"));
    StringBuilder known = new StringBuilder();
    List<SshHost> started = new ArrayList<>();
    for (Spec s : specs) {
      Netns ns = lab.netns(s.name());
      String rootEnd = "sw" + lab.id() + "-" + s.octet();
      Root.run("ip", "link", "add", rootEnd, "type", "veth", "peer", "name", "eth0", "netns", ns.name());
      Root.run("ip", "link", "set", rootEnd, "master", bridge, "up");
      lab.veth(ns, "ens11", sw, "p" + s.octet());
      sw.master("p" + s.octet(), "br0");
      ns.up("eth0").addr("eth0", subnet + "." + s.octet() + "/24").addr("ens11", "10.10.10." + s.octet() + "/24");
      SshHost h = new SshHost(s.name(), subnet + "." + s.octet(), ns, dir.resolve(s.name()), s.iptables());
      h.prepare(authorized, resource("docker"));
      hosts.put(s.name(), h);
      started.add(h);
      known.append(h.address()).append(',').append(h.internalAddress()).append(' ').append(h.hostKey()).append('\n');
    }
    Files.writeString(knownHosts, known.toString());
    for (SshHost h : started) {
      h.startSshd();
    }
    reset();
  }

  /** The first three octets of the hosts' public network ({@code 203.0.113}); {@code .1} is the operator. */
  public String subnet() {
    return subnet;
  }

  private static String freeSubnet() {
    for (String candidate : SUBNETS) {
      String routes = Root.run("ip", "-4", "route", "show", "match", candidate + ".0/24");
      if (routes.lines().allMatch(l -> l.isBlank() || l.startsWith("default"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("the root namespace routes every test network: " + SUBNETS);
  }

  public List<SshHost> hosts() {
    return List.copyOf(hosts.values());
  }

  public SshHost host(String name) {
    SshHost h = hosts.get(name);
    if (h == null) {
      throw new IllegalArgumentException("no host " + name);
    }
    return h;
  }

  /** The operator's key, authorized for root on every host. */
  public Path clientKey() {
    return clientKey;
  }

  /** A key no host accepts. */
  public Path otherKey() {
    return otherKey;
  }

  /** A known_hosts file with every host's key (tests copy and edit it). */
  public Path knownHosts() {
    return knownHosts;
  }

  /** A scratch directory for the test's own files. */
  public Path dir() {
    return dir;
  }

  public Lab lab() {
    return lab;
  }

  /**
   * Puts every host back to a fresh Docker host: Docker's filter chains only, no swfw state, no
   * docker calls recorded, no leftover rollback timers; SSH servers running.
   */
  public void reset() {
    for (SshHost h : hosts.values()) {
      h.reset(resource("docker28-filter.v4"), resource("docker28-filter.v6"));
    }
  }

  static String resource(String name) {
    try (InputStream in = SshLab.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      lab.close();
    } finally {
      Root.quiet("ip", "link", "del", bridge);
      deleteTree(dir);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** Commands in the root namespace (the operator's side), with a timeout. */
  static final class Root {
    private Root() {}

    static String run(String... cmd) {
      try {
        Path out = Files.createTempFile("swfw-root", ".out");
        try {
          Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
          if (!p.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
          }
          String text = Files.readString(out);
          if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + text);
          }
          return text;
        } finally {
          Files.deleteIfExists(out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    static void quiet(String... cmd) {
      try {
        run(cmd);
      } catch (RuntimeException ignored) {
        // clean-up of something that may be gone already
      }
    }
  }
}
