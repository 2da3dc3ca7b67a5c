package swfw.runtime.ssh;

import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;

/**
 * sshj's default configuration with the ciphers OpenSSH offers (chacha20-poly1305, AES in CTR and
 * GCM mode, and AES-CBC last, for old servers), without trying each one.
 *
 * <p>sshj's {@link DefaultConfig} instantiates and initialises every cipher it knows (Blowfish,
 * Twofish, Serpent, IDEA, CAST, 3DES, RC4 among them) to drop the ones the JVM cannot run: about a
 * third of the time a push waited for its first connection (bench/README.md). Those ciphers are
 * offered by no OpenSSH server of the last decade, and the ones kept are always present (the JDK
 * has AES, {@link SshProvider} brings Bouncy Castle's ChaCha20 and Poly1305). Key exchanges, host key and signature
 * algorithms and MACs stay sshj's defaults, so the negotiated algorithms do not change: against
 * OpenSSH, curve25519-sha256, the server's Ed25519 key, chacha20-poly1305@openssh.com.
 */
final class SshConfig extends DefaultConfig {
  @Override
  protected void initCipherFactories() {
    setCipherFactories(ciphers());
  }

  static List<Factory.Named<Cipher>> ciphers() {
    return List.of(ChachaPolyCiphers.CHACHA_POLY_OPENSSH(), BlockCiphers.AES128CTR(), BlockCiphers.AES192CTR(),
        BlockCiphers.AES256CTR(), GcmCiphers.AES128GCM(), GcmCiphers.AES256GCM(), BlockCiphers.AES128CBC(),
        BlockCiphers.AES192CBC(), BlockCiphers.AES256CBC());
  }

  /** The names offered, in order (for tests and the verbose output). */
  String cipherNames() {
    return getCipherFactories().stream().map(Factory.Named::getName).collect(Collectors.joining(","));
  }

  /**
   * Builds the configuration and installs the security provider of its Curve25519, Ed25519 and
   * ChaCha20-Poly1305 ({@link SshProvider}); sshj is told not to register all of Bouncy Castle.
   */
  static SshConfig build() {
    SecurityUtils.setRegisterBouncyCastle(false);
    SshProvider.install();
    return new SshConfig();
  }
}
