package swfw.runtime.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The known_hosts file every connection is checked against. Strict by default: an unknown key is
 * refused. With accept-new, a key seen for the first time is trusted and appended to the file; a key
 * that differs from the recorded one is refused either way.
 *
 * <p>The file is parsed again only when it changed (size, modification time): a push opens two
 * connections a host, and parsing a known_hosts of a few hundred keys costs milliseconds under the
 * lock. The parsed entries are shared, and sshj's hashed-host matchers are not thread-safe, so
 * every verification runs under the same lock (it takes microseconds).
 */
final class HostKeys {
  private final Path file;
  private final boolean acceptNew;
  private final Object writeLock = new Object();
  private List<OpenSSHKnownHosts.KnownHostEntry> known = List.of();
  private Object stamp;

  HostKeys(Path file, boolean acceptNew) {
    this.file = file;
    this.acceptNew = acceptNew;
  }

  /** A verifier for one connection, with the file as it is now; it remembers why it refused. */
  Verifier verifier() throws IOException {
    synchronized (writeLock) {
      return new Verifier(current());
    }
  }

  /** The file's entries, parsed again when it changed; call under {@code writeLock}. */
  private List<OpenSSHKnownHosts.KnownHostEntry> current() throws IOException {
    Object now;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      now = List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    } catch (NoSuchFileException e) {
      now = "no file";
    }
    if (!now.equals(stamp)) {
      known = List.copyOf(new OpenSSHKnownHosts(file.toFile()).entries());
      stamp = now;
    }
    return known;
  }

  final class Verifier extends OpenSSHKnownHosts {
    private volatile String refusal;

    Verifier(List<OpenSSHKnownHosts.KnownHostEntry> known) throws IOException {
      super(new StringReader(""));
      entries.addAll(known);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
      synchronized (writeLock) {
        return super.verify(hostname, port, key);
      }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
      synchronized (writeLock) {
        return super.findExistingAlgorithms(hostname, port);
      }
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
