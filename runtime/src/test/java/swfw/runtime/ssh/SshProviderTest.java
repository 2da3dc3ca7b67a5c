package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.Security;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.SecurityUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** swfw's provider computes what Bouncy Castle's own provider computes, and sshj never registers the latter. */
class SshProviderTest {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();   // never registered

  @Test
  void chachaMatchesBouncyCastlesOwnCipherAcrossCallsAndNonces() throws Exception {
    Random random = new Random(42);
    byte[] key = new byte[32];
    random.nextBytes(key);
    for (long seq = 0; seq < 3; seq++) {
      IvParameterSpec nonce = new IvParameterSpec(java.nio.ByteBuffer.allocate(8).putLong(seq).array());
      Cipher ours = Cipher.getInstance("ChaCha", new SshProvider());
      Cipher theirs = Cipher.getInstance("ChaCha", BC);
      ours.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha"), nonce);
      theirs.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha"), nonce);
      for (int len : new int[] {32, 32, 4, 1000, 63}) {
        byte[] data = new byte[len];
        random.nextBytes(data);
        byte[] a = new byte[len];
        ours.update(data, 0, len, a, 0);
        assertArrayEquals(theirs.update(data), a, "seq " + seq + ", " + len + " bytes");
      }
    }
  }

  @Test
  void poly1305MatchesBouncyCastlesOwnMac() throws Exception {
    Random random = new Random(7);
    byte[] key = new byte[32];
    random.nextBytes(key);
    byte[] data = new byte[1000];
    random.nextBytes(data);
    Mac ours = Mac.getInstance("Poly1305", new SshProvider());
    Mac theirs = Mac.getInstance("Poly1305", BC);
    ours.init(new SecretKeySpec(key, "Poly1305"));
    theirs.init(new SecretKeySpec(key, "Poly1305"));
    assertEquals(16, ours.getMacLength());
    assertArrayEquals(theirs.doFinal(data), ours.doFinal(data));
    assertArrayEquals(theirs.doFinal(new byte[3]), ours.doFinal(new byte[3]), "reusable after doFinal");
  }

  @Test
  void sshjUsesTheJdkAndSwfwsProviderButNeverRegistersBouncyCastle() throws Exception {
    SshConfig.build();
    assertNull(SecurityUtils.getSecurityProvider(), "sshj asks the JCA's providers in their order");
    assertNull(Security.getProvider("BC"));
    assertEquals(SshProvider.NAME, SecurityUtils.getSignature("Ed25519").getProvider().getName());
    assertEquals(SshProvider.NAME, SecurityUtils.getKeyAgreement("X25519").getProvider().getName());
    assertEquals("SUN", SecurityUtils.getMessageDigest("SHA-256").getProvider().getName());
  }
}
