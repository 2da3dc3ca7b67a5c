package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import swfw.runtime.HostError;
import swfw.runtime.inventory.Host;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.lab.SshHost;
import swfw.runtime.lab.SshLab;

/** OpenSSH private keys of each type, with and without a passphrase, against a real sshd. */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysKernelTest {
  private SshLab lab;
  private SshHost host;

  @BeforeAll
  void startLab() {
    lab = SshLab.start(List.of(SshLab.Spec.of("keys", 41)));
    host = lab.host("keys");
    for (String[] k : new String[][] {{"ecdsa", ""}, {"rsa", ""}, {"ed25519", "correct horse"}}) {
      Path key = lab.dir().resolve("id_" + k[0] + (k[1].isEmpty() ? "" : "_enc"));
      run("ssh-keygen", "-q", "-t", k[0], "-N", k[1], "-f", key.toString());
      host.authorize(Path.of(key + ".pub"));
    }
    for (String type : new String[] {"rsa", "ecdsa"}) {   // the older PEM format (ssh-keygen -m PEM)
      Path key = lab.dir().resolve("id_" + type + "_pem");
      run("ssh-keygen", "-q", "-t", type, "-m", "PEM", "-N", "", "-f", key.toString());
      host.authorize(Path.of(key + ".pub"));
    }
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  private static void run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assertEquals(0, p.waitFor(), String.join(" ", cmd));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String whoami(String keyFile, Passphrases passphrases) throws HostError {
    Host h = new Host("keys", "worker", host.address(), "root", 22, Optional.of(lab.dir().resolve(keyFile).toString()),
        Optional.empty(), Optional.empty());
    Ssh ssh = new Ssh(new SshOptions(lab.knownHosts(), false, Duration.ofSeconds(3), Duration.ofSeconds(10), passphrases,
        List.of()), Inventory.ofHosts(List.of(h)));
    try (Remote r = ssh.connect(h)) {
      return r.exec("id -un", null).stdout().strip();
    }
  }

  @Test
  void ecdsaRsaAndEd25519KeysLogIn() throws HostError {
    assertEquals("root", whoami("id_ecdsa", Passphrases.none()));
    assertEquals("root", whoami("id_rsa", Passphrases.none()));
    assertEquals("root", whoami("id_ed25519_enc", key -> Optional.of("correct horse".toCharArray())));
    assertEquals("root", whoami("id_rsa_pem", Passphrases.none()));
    assertEquals("root", whoami("id_ecdsa_pem", Passphrases.none()));
  }

  @Test
  void anEncryptedKeyWithoutItsPassphraseIsAKeyProblemNotALoginFailure() {
    Path key = lab.dir().resolve("id_ed25519_enc");
    assertEquals("key " + key + " is encrypted: set SWFW_SSH_PASSPHRASE or run swfw in a terminal",
        assertThrows(HostError.class, () -> whoami("id_ed25519_enc", Passphrases.none())).getMessage());
    assertEquals("cannot use key " + key + ": wrong passphrase?", assertThrows(HostError.class,
        () -> whoami("id_ed25519_enc", k -> Optional.of("wrong".toCharArray()))).getMessage());
  }

  @Test
  void aMissingKeyFileIsNamed() {
    Path key = lab.dir().resolve("nope");
    assertEquals("cannot read key " + key + ": no such file",
        assertThrows(HostError.class, () -> whoami("nope", Passphrases.none())).getMessage());
  }
}
