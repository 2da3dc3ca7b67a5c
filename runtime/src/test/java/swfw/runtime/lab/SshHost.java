package swfw.runtime.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import swfw.testkit.Background;
import swfw.testkit.Iptables;
import swfw.testkit.Netns;

/** One host of an {@link SshLab}: a namespace with its own sshd, private state directories and Docker's chains. */
public final class SshHost {
  /** Mount point on the host → folder under the host's directory, bound in sshd's mount namespace. */
  private static final List<String[]> MOUNTS = List.of(new String[] {"/etc/swfw", "etc-swfw"},
      new String[] {"/etc/iptables", "etc-iptables"}, new String[] {"/var/lib/swfw", "var-swfw"},
      new String[] {"/run/swfw", "run-swfw"}, new String[] {"/usr/local/sbin", "sbin"},
      new String[] {"/var/lib/swfw-test", "state"});

  private final String name;
  private final String address;
  private final Netns netns;
  private final Path dir;
  private final boolean iptables;
  private Background sshd;

  SshHost(String name, String address, Netns netns, Path dir, boolean iptables) {
    this.name = name;
    this.address = address;
    this.netns = netns;
    this.dir = dir;
    this.iptables = iptables;
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public Netns netns() {
    return netns;
  }

  void prepare(String authorizedKeys, String dockerStandIn) throws IOException {
    for (String[] m : MOUNTS) {
      Files.createDirectories(dir.resolve(m[1]));
    }
    Files.writeString(dir.resolve("authorized_keys"), authorizedKeys);
    Path docker = dir.resolve("sbin/docker");
    Files.writeString(docker, dockerStandIn);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    SshLab.Root.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", dir.resolve("host_key").toString());
    Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port 22", "ListenAddress 0.0.0.0",
        "HostKey " + dir.resolve("host_key"), "PidFile none", "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "LogLevel ERROR", "MaxStartups 100", "MaxSessions 50",
        "SetEnv PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", ""));
    if (Files.exists(Path.of("/etc/sudoers"))) {
      // A non-root user with passwordless sudo, known on this host only.
      Path accounts = dir.resolve("accounts");
      Files.createDirectories(accounts);
      Files.writeString(accounts.resolve("passwd"), Files.readString(Path.of("/etc/passwd"))
          + "deploy:x:4242:4242:swfw test:/nonexistent:/bin/sh\n");
      Files.writeString(accounts.resolve("group"), Files.readString(Path.of("/etc/group")) + "deploy:x:4242:\n");
      Files.writeString(accounts.resolve("shadow"), Files.readString(Path.of("/etc/shadow")) + "deploy:*:19000::::::\n");
      Files.setPosixFilePermissions(accounts.resolve("shadow"), PosixFilePermissions.fromString("rw-------"));
      Files.writeString(accounts.resolve("sudoers"), "root ALL=(ALL:ALL) ALL\ndeploy ALL=(root) NOPASSWD: ALL\n");
      Files.setPosixFilePermissions(accounts.resolve("sudoers"), PosixFilePermissions.fromString("r--r-----"));
    }
    if (!iptables) {
      // A host without iptables: its /etc/alternatives lacks the iptables links, as after removing the package.
      Path alt = dir.resolve("alternatives");
      SshLab.Root.run("cp", "-a", "/etc/alternatives", alt.toString());
      try (Stream<Path> s = Files.list(alt)) {
        for (Path p : s.filter(p -> p.getFileName().toString().matches(".*tables.*")).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Lets the holder of another key log in as root too. */
  public void authorize(Path publicKey) {
    try {
      Files.writeString(dir.resolve("authorized_keys"), Files.readString(publicKey),
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host's address on the internal network (ens11), reachable from the other hosts only. */
  public String internalAddress() {
    return "10.10.10." + address.substring(address.lastIndexOf('.') + 1);
  }

  /** {@code ssh-ed25519 AAAA…}: the host's public key as known_hosts holds it. */
  public String hostKey() {
    try {
      String[] parts = Files.readString(dir.resolve("host_key.pub")).strip().split(" ");
      return parts[0] + " " + parts[1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the SSH server (in a private mount namespace with the host's folders bound) and waits for port 22. */
  public synchronized void startSshd() {
    StringBuilder script = new StringBuilder("set -e; ");
    for (String[] m : MOUNTS) {
      script.append("mkdir -p ").append(m[0]).append("; mount --bind ").append(dir.resolve(m[1])).append(' ')
          .append(m[0]).append("; ");
    }
    if (Files.isDirectory(dir.resolve("accounts"))) {
      for (String f : List.of("passwd", "group", "shadow", "sudoers")) {
        script.append("mount --bind ").append(dir.resolve("accounts").resolve(f)).append(" /etc/").append(f).append("; ");
      }
    }
    if (!iptables) {
      script.append("mount --bind ").append(dir.resolve("alternatives")).append(" /etc/alternatives; ");
    }
    // A host of its own: not this machine's root shell start-up files (they may take half a second a command).
    script.append("for f in /root/.bashrc /root/.profile; do [ -e $f ] && mount --bind /dev/null $f; done; ");
    script.append("mkdir -p /run/sshd; exec /usr/sbin/sshd -D -e -f ").append(dir.resolve("sshd_config"));
    sshd = netns.spawn("unshare", "-m", "sh", "-c", script.toString());
    try {
      sshd.awaitTcpListening(22, Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      throw new IllegalStateException("sshd on " + name + " did not start: " + sshd.output(), e);
    }
  }

  /** Kills the SSH server and every session it has (not the host's rollback timer: that runs in its own session). */
  public synchronized void stopSshd() {
    if (sshd != null) {
      sshd.close();
      sshd = null;
    }
  }

  public synchronized boolean sshdRunning() {
    return sshd != null && sshd.isAlive();
  }

  void reset(String dockerV4, String dockerV6) {
    killAllButSshd();
    for (String[] m : MOUNTS) {
      if (!m[1].equals("sbin")) {
        clear(dir.resolve(m[1]));
      }
    }
    if (!sshdRunning()) {
      startSshd();
    }
    iptables().restore(dockerV4);
    ip6tables().restore(dockerV6);
  }

  /** Kills what a test left running in the namespace (a rollback timer), but not the SSH server. */
  private void killAllButSshd() {
    for (String p : SshLab.Root.run("ip", "netns", "pids", netns.name()).split("\\s+")) {
      if (!p.isBlank()) {
        ProcessHandle.of(Long.parseLong(p)).filter(h -> !h.info().command().orElse("").endsWith("/sshd"))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static void clear(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      s.forEach(SshLab::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Iptables iptables() {
    return netns.iptables();
  }

  public Iptables ip6tables() {
    return netns.ip6tables();
  }

  /** A file of the host's private folders, by its path on the host ({@code /etc/swfw/rules.v4}). */
  public Path file(String hostPath) {
    for (String[] m : MOUNTS) {
      if (hostPath.startsWith(m[0] + "/")) {
        return dir.resolve(m[1]).resolve(hostPath.substring(m[0].length() + 1));
      }
    }
    throw new IllegalArgumentException("not in a private folder: " + hostPath);
  }

  /** What the docker stand-in was asked, one call per line ({@code node update --availability drain node-1}). */
  public List<String> dockerCalls() {
    try {
      Path log = dir.resolve("state/docker.log");
      return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + "@" + address;
  }
}
