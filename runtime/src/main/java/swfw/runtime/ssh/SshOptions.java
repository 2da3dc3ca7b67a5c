package swfw.runtime.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How swfw connects over SSH.
 *
 * @param knownHosts the OpenSSH known_hosts file host keys are checked against
 * @param acceptNewHostKeys trust a host's key the first time it is seen and record it (a changed key is
 *     always refused), like OpenSSH's {@code StrictHostKeyChecking=accept-new}
 * @param connectTimeout bound on TCP connect, key exchange and login
 * @param commandTimeout bound on each remote command
 * @param defaultKeys the keys tried for hosts without a {@code key} (those that exist)
 */
public record SshOptions(Path knownHosts, boolean acceptNewHostKeys, Duration connectTimeout,
    Duration commandTimeout, Passphrases passphrases, List<Path> defaultKeys) {
  public SshOptions {
    defaultKeys = List.copyOf(defaultKeys);
  }

  /** {@code ~/.ssh/known_hosts} and the keys OpenSSH tries by default, under {@code home}. */
  public static SshOptions defaults(Path home, Passphrases passphrases) {
    Path ssh = home.resolve(".ssh");
    return new SshOptions(ssh.resolve("known_hosts"), false, Duration.ofSeconds(10), Duration.ofSeconds(60),
        passphrases, List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")));
  }

  public SshOptions withKnownHosts(Path file, boolean acceptNew) {
    return new SshOptions(file, acceptNew, connectTimeout, commandTimeout, passphrases, defaultKeys);
  }

  public SshOptions withTimeouts(Duration connect, Duration command) {
    return new SshOptions(knownHosts, acceptNewHostKeys, connect, command, passphrases, defaultKeys);
  }
}
