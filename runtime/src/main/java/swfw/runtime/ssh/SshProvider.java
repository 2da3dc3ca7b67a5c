package swfw.runtime.ssh;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;

/**
 * The algorithms of a login to OpenSSH that the JDK lacks or runs slowly, from Bouncy Castle's
 * classes: Curve25519 (curve25519-sha256), Ed25519 (host keys, user keys) and ChaCha20 with Poly1305
 * (chacha20-poly1305@openssh.com, on Bouncy Castle's engines: {@link ChaChaSpi}, {@link Poly1305Spi}). sshj would otherwise register all of Bouncy Castle as a security
 * provider: thousands of algorithm names and hundreds of classes, some 60 ms of CPU that every push
 * waited for before its first connection (bench/README.md). The JDK's providers keep everything else
 * (SHA-2, AES, HMAC, RSA, ECDSA, the random source); its own Ed25519 is several times slower than
 * Bouncy Castle's in a short-lived JVM, hence this provider ahead of it. ECDSA keys, which sshj asks
 * for by Bouncy Castle's name, come from the JDK's EC key factory ({@link EcdsaKeyFactorySpi}).
 */
final class SshProvider extends Provider {
  static final String NAME = "swfw-ssh";

  private static final String EDEC = "org.bouncycastle.jcajce.provider.asymmetric.edec.";

  /** type, algorithm, Bouncy Castle's implementation (a public class with a public no-argument constructor). */
  static final List<String[]> SERVICES = List.of(
      new String[] {"KeyPairGenerator", "X25519", EDEC + "KeyPairGeneratorSpi$X25519"},
      new String[] {"KeyAgreement", "X25519", EDEC + "KeyAgreementSpi$X25519"},
      new String[] {"KeyFactory", "X25519", EDEC + "KeyFactorySpi$X25519"},
      new String[] {"KeyPairGenerator", "Ed25519", EDEC + "KeyPairGeneratorSpi$Ed25519"},
      new String[] {"KeyFactory", "Ed25519", EDEC + "KeyFactorySpi$Ed25519"},
      new String[] {"Signature", "Ed25519", EDEC + "SignatureSpi$Ed25519"},
      new String[] {"KeyFactory", "ECDSA", EcdsaKeyFactorySpi.class.getName()},
      new String[] {"Cipher", "ChaCha", ChaChaSpi.class.getName()},
      new String[] {"Mac", "Poly1305", Poly1305Spi.class.getName()});

  SshProvider() {
    super(NAME, "1", "Curve25519, Ed25519, ChaCha20 and Poly1305 from Bouncy Castle for swfw's SSH logins");
    for (String[] s : SERVICES) {
      putService(new Service(this, s[0], s[1], s[2], List.of(), Map.of()));
    }
  }

  /** Puts the provider first, once per process: the JDK's providers answer for every other algorithm. */
  static synchronized void install() {
    if (Security.getProvider(NAME) == null) {
      Security.insertProviderAt(new SshProvider(), 1);
    }
  }
}
