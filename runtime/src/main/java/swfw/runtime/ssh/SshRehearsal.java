package swfw.runtime.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyAgreement;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.mac.MAC;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The cryptography of one SSH login, run once without a server: the classes a push needs before
 * its first connection (sshj's configuration, Bouncy Castle, Curve25519, Ed25519, ChaCha20-Poly1305,
 * OpenSSH key and known_hosts parsing). {@code ./swfw} records the start-up archive of plan, push
 * and verify from a training run that calls this (swfw.cli.Training ssh), so a push finds them there
 * instead of loading, verifying and linking about a thousand classes from the jar first.
 */
public final class SshRehearsal {
  private SshRehearsal() {}

  /** Runs it; any failure is ignored (it only decides which classes the archive holds). */
  public static void run() {
    try {
      rehearse();
    } catch (Exception | LinkageError e) {
      // an archive without these classes still works
    }
  }

  static void rehearse() throws Exception {
    SshConfig config = SshConfig.build();
    byte[] random = new byte[64];
    config.getRandomFactory().create().fill(random, 0, random.length);

    // key exchange: curve25519-sha256
    KeyPairGenerator x = SecurityUtils.getKeyPairGenerator("X25519");
    KeyPair ours = x.generateKeyPair();
    KeyPair theirs = x.generateKeyPair();
    KeyAgreement agreement = SecurityUtils.getKeyAgreement("X25519");
    agreement.init(ours.getPrivate());
    agreement.doPhase(theirs.getPublic(), true);
    byte[] secret = agreement.generateSecret();
    MessageDigest sha = SecurityUtils.getMessageDigest("SHA-256");
    byte[] hash = sha.digest(secret);

    // host key and user key: ssh-ed25519, signed and verified as sshj does it
    KeyPair ed = SecurityUtils.getKeyPairGenerator("Ed25519").generateKeyPair();
    for (Factory.Named<KeyAlgorithm> f : config.getKeyAlgorithms()) {
      if (f.getName().equals(KeyType.ED25519.toString())) {
        KeyAlgorithm algorithm = f.create();
        Signature sign = algorithm.newSignature();
        sign.initSign(ed.getPrivate());
        sign.update(hash);
        byte[] signature = new Buffer.PlainBuffer().putString(algorithm.getKeyAlgorithm()).putString(sign.encode(sign.sign()))
            .getCompactData();
        Signature verify = algorithm.newSignature();
        verify.initVerify(ed.getPublic());
        verify.update(hash);
        if (!verify.verify(signature)) {
          throw new IllegalStateException("Ed25519 signature not verified");
        }
        new Buffer.PlainBuffer(new Buffer.PlainBuffer().putPublicKey(ed.getPublic()).getCompactData()).readPublicKey();
      }
    }

    // transport: the first cipher (chacha20-poly1305) and a MAC for the others
    Cipher cipher = config.getCipherFactories().get(0).create();
    cipher.init(Cipher.Mode.Encrypt, Arrays.copyOf(random, 64), new byte[cipher.getIVSize()]);
    cipher.setSequenceNumber(3);
    byte[] packet = new byte[64 + cipher.getAuthenticationTagSize()];
    cipher.updateAAD(packet, 0, 4);
    cipher.updateWithAAD(packet, 0, 4, 60);
    for (Factory.Named<MAC> f : config.getMACFactories()) {
      if (f.getName().equals("hmac-sha2-256-etm@openssh.com")) {
        MAC mac = f.create();
        mac.init(Arrays.copyOf(random, mac.getBlockSize()));
        mac.update(packet);
        mac.doFinal();
      }
    }

    // known_hosts: an entry written and read back, then checked
    String line = new OpenSSHKnownHosts.HostEntry(null, "198.51.100.7", KeyType.ED25519, ed.getPublic()).getLine();
    OpenSSHKnownHosts known = new OpenSSHKnownHosts(new StringReader(line + "\n"));
    if (!known.verify("198.51.100.7", 22, ed.getPublic())) {
      throw new IllegalStateException("known_hosts entry not matched");
    }

    // the user's key: an unencrypted OpenSSH private key file, parsed
    try (SSHClient loader = new SSHClient(config)) {
      KeyProvider key = loader.loadKeys(openSshKeyFile(ed), null, null);
      key.getPrivate();
      if (!Arrays.equals(key.getPublic().getEncoded(), ed.getPublic().getEncoded())) {
        throw new IllegalStateException("key file read back differently");
      }
    }
  }

  /** {@code ed} in OpenSSH's private key format (openssh-key-v1, no passphrase). */
  private static String openSshKeyFile(KeyPair ed) {
    byte[] pkcs8 = ed.getPrivate().getEncoded();
    byte[] x509 = ed.getPublic().getEncoded();
    byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    byte[] pub = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    byte[] pubBlob = new Buffer.PlainBuffer().putString("ssh-ed25519").putString(pub).getCompactData();
    byte[] both = new byte[64];
    System.arraycopy(seed, 0, both, 0, 32);
    System.arraycopy(pub, 0, both, 32, 32);
    Buffer.PlainBuffer priv = new Buffer.PlainBuffer().putUInt32(0x5357_4657L).putUInt32(0x5357_4657L)
        .putString("ssh-ed25519").putString(pub).putString(both).putString("swfw-rehearsal");
    for (int pad = 1; priv.available() % 8 != 0; pad++) {
      priv.putByte((byte) pad);
    }
    Buffer.PlainBuffer file = new Buffer.PlainBuffer().putRawBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
        .putString("none").putString("none").putString("").putUInt32(1).putString(pubBlob)
        .putString(priv.getCompactData());
    String body = Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(file.getCompactData());
    return String.join("\n", List.of("-----BEGIN OPENSSH PRIVATE KEY-----", body, "-----END OPENSSH PRIVATE KEY-----", ""));
  }
}
