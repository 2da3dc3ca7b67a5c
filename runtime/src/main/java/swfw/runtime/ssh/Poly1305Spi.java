package swfw.runtime.ssh;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.MacSpi;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;

/** Poly1305 (a one-time 256-bit key, no cipher) on Bouncy Castle's implementation, for {@link SshProvider}. */
public final class Poly1305Spi extends MacSpi {
  private final Poly1305 mac = new Poly1305();

  @Override
  protected int engineGetMacLength() {
    return mac.getMacSize();
  }

  @Override
  protected void engineInit(Key key, AlgorithmParameterSpec params) throws InvalidKeyException,
      InvalidAlgorithmParameterException {
    if (params != null) {
      throw new InvalidAlgorithmParameterException("Poly1305 takes no parameters");
    }
    byte[] k = key.getEncoded();
    if (k == null || k.length != 32) {
      throw new InvalidKeyException("Poly1305 needs a 256-bit key");
    }
    mac.init(new KeyParameter(k));
  }

  @Override
  protected void engineUpdate(byte input) {
    mac.update(input);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    mac.update(input, offset, len);
  }

  @Override
  protected byte[] engineDoFinal() {
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  @Override
  protected void engineReset() {
    mac.reset();
  }
}
