package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {
  @TempDir
  Path dir;

  private static PublicKey key() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair().getPublic();
  }

  private static String line(String host, PublicKey k) throws Exception {
    return new OpenSSHKnownHosts.HostEntry(null, host, KeyType.fromKey(k), k).getLine() + "\n";
  }

  @Test
  void aKnownKeyIsAcceptedAndAnUnknownOneRefusedByDefault() throws Exception {
    PublicKey known = key();
    Path file = dir.resolve("known_hosts");
    Files.writeString(file, line("192.0.2.1", known) + line("[192.0.2.2]:2222", known));
    HostKeys keys = new HostKeys(file, false);

    assertTrue(keys.verifier().verify("192.0.2.1", 22, known));
    assertTrue(keys.verifier().verify("192.0.2.2", 2222, known));
    HostKeys.Verifier v = keys.verifier();
    assertFalse(v.verify("192.0.2.3", 22, known));
    assertEquals("host key of 192.0.2.3 (" + HostKeys.describe(known) + ") is not in " + file
        + ": add it (ssh-keyscan, or ssh once) or use --accept-new-host-keys", v.refusal());
    assertTrue(HostKeys.describe(known).matches("ECDSA SHA256:[A-Za-z0-9+/]{43}"), HostKeys.describe(known));
  }

  @Test
  void acceptNewRecordsAFirstSeenKeyButNeverAcceptsAChangedOne() throws Exception {
    Path file = dir.resolve("sub/known_hosts");
    HostKeys keys = new HostKeys(file, true);
    PublicKey first = key();

    HostKeys.Verifier v = keys.verifier();
    assertTrue(v.verify("192.0.2.1", 2222, first));
    assertNull(v.refusal());
    assertEquals(line("[192.0.2.1]:2222", first), Files.readString(file));
    assertTrue(keys.verifier().verify("192.0.2.1", 2222, first), "recorded: known from now on");

    HostKeys.Verifier changed = keys.verifier();
    assertFalse(changed.verify("192.0.2.1", 2222, key()));
    assertTrue(changed.refusal().startsWith("HOST KEY CHANGED for [192.0.2.1]:2222 (now ECDSA SHA256:"), changed.refusal());
    assertEquals(1, Files.readAllLines(file).size(), "nothing recorded for a changed key");
  }

  /** A known_hosts line with the host name hashed, as OpenSSH writes it with HashKnownHosts yes. */
  private static String hashedLine(String host, PublicKey k, byte salt) throws Exception {
    byte[] saltBytes = new byte[20];
    java.util.Arrays.fill(saltBytes, salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(saltBytes, "HmacSHA1"));
    String hashed = "|1|" + Base64.getEncoder().encodeToString(saltBytes) + "|"
        + Base64.getEncoder().encodeToString(mac.doFinal(host.getBytes(StandardCharsets.US_ASCII)));
    return line(host, k).replaceFirst("^\\S+", java.util.regex.Matcher.quoteReplacement(hashed));
  }

  @Test
  void aChangedFileIsReadAgainAndHashedEntriesVerifyFromManyThreadsAtOnce() throws Exception {
    PublicKey k = key();
    Path file = dir.resolve("known_hosts");
    Files.writeString(file, hashedLine("192.0.2.1", k, (byte) 1));
    HostKeys keys = new HostKeys(file, false);
    assertTrue(keys.verifier().verify("192.0.2.1", 22, k));
    assertFalse(keys.verifier().verify("192.0.2.5", 22, k));

    Files.writeString(file, hashedLine("192.0.2.5", k, (byte) 5), StandardOpenOption.APPEND);
    assertTrue(keys.verifier().verify("192.0.2.5", 22, k), "the line added since is read");

    // the parsed entries are shared by every verifier; sshj's hashed-host matcher is not thread-safe
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String host = i % 2 == 0 ? "192.0.2.1" : "192.0.2.5";
        all.add(pool.submit(() -> keys.verifier().verify(host, 22, k)));
      }
      for (Future<Boolean> f : all) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
