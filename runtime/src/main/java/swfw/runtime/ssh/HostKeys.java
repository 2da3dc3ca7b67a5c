package swfw.runtime.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The known_hosts file every connection is checked against. Strict by default: an unknown key is
 * refused. With accept-new, a key seen for the first time is trusted and appended to the file; a key
 * that differs from the recorded one is refused either way.
 */
final class HostKeys {
  private final Path file;
  private final boolean acceptNew;
  private final Object writeLock = new Object();

  HostKeys(Path file, boolean acceptNew) {
    this.file = file;
    this.acceptNew = acceptNew;
  }

  /** A verifier for one connection, reading the file as it is now; it remembers why it refused. */
  Verifier verifier() throws IOException {
    synchronized (writeLock) {
      return new Verifier();
    }
  }

  final class Verifier extends OpenSSHKnownHosts {
    private volatile String refusal;

    Verifier() throws IOException {
      super(file.toFile());
    }

    /** Why the host key was refused, in one line; null when it was not. */
    String refusal() {
      return refusal;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String host, PublicKey key) {
      if (!acceptNew) {
        refusal = "host key of " + host + " (" + describe(key) + ") is not in " + file
            + ": add it (ssh-keyscan, or ssh once) or use --accept-new-host-keys";
        return false;
      }
      try {
        record(host, key);
        return true;
      } catch (IOException e) {
        refusal = "cannot record the new host key of " + host + " in " + file + ": " + e.getMessage();
        return false;
      }
    }

    @Override
    protected boolean hostKeyChangedAction(String host, PublicKey key) {
      refusal = "HOST KEY CHANGED for " + host + " (now " + describe(key) + "): refusing to connect; if the"
          + " change is expected, remove the old entry from " + file;
      return false;
    }
  }

  private void record(String host, PublicKey key) throws IOException {
    String line = new OpenSSHKnownHosts.HostEntry(null, host, KeyType.fromKey(key), key).getLine() + "\n";
    synchronized (writeLock) {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      boolean fresh = !Files.exists(file);
      String existing = fresh ? "" : Files.readString(file, StandardCharsets.UTF_8);
      String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
      Files.writeString(file, prefix + line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** {@code ED25519 SHA256:…}, as OpenSSH prints a key's fingerprint. */
  static String describe(PublicKey key) {
    byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(blob);
      String name = KeyType.fromKey(key).toString();
      String type = name.startsWith("ecdsa") ? "ECDSA" : name.replaceFirst("^ssh-", "").toUpperCase(java.util.Locale.ROOT);
      return type + " SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
