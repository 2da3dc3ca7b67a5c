package swfw.runtime.ssh;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.CipherSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * ChaCha20 with a 64-bit nonce (Bernstein's original, as chacha20-poly1305@openssh.com uses it) on
 * Bouncy Castle's engine, for {@link SshProvider}. Bouncy Castle's own JCA class for it builds a whole
 * Bouncy Castle provider when it is first created, which is what {@link SshProvider} avoids.
 */
public final class ChaChaSpi extends CipherSpi {
  private final ChaChaEngine engine = new ChaChaEngine();
  private byte[] iv;

  @Override
  protected void engineSetMode(String mode) throws java.security.NoSuchAlgorithmException {
    if (!mode.equalsIgnoreCase("NONE") && !mode.equalsIgnoreCase("ECB")) {
      throw new java.security.NoSuchAlgorithmException("ChaCha is a stream cipher: no mode " + mode);
    }
  }

  @Override
  protected void engineSetPadding(String padding) throws NoSuchPaddingException {
    if (!padding.equalsIgnoreCase("NoPadding")) {
      throw new NoSuchPaddingException("ChaCha takes no padding: " + padding);
    }
  }

  @Override
  protected int engineGetBlockSize() {
    return 0;
  }

  @Override
  protected int engineGetOutputSize(int inputLen) {
    return inputLen;
  }

  @Override
  protected byte[] engineGetIV() {
    return iv == null ? null : iv.clone();
  }

  @Override
  protected AlgorithmParameters engineGetParameters() {
    return null;
  }

  @Override
  protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
    throw new InvalidKeyException("ChaCha needs its nonce (an IvParameterSpec of 8 bytes)");
  }

  @Override
  protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidKeyException, InvalidAlgorithmParameterException {
    if (!(params instanceof IvParameterSpec spec) || spec.getIV().length != 8) {
      throw new InvalidAlgorithmParameterException("ChaCha needs an IvParameterSpec of 8 bytes");
    }
    byte[] k = key.getEncoded();
    if (k == null || k.length != 32) {
      throw new InvalidKeyException("ChaCha20 needs a 256-bit key");
    }
    iv = spec.getIV();
    engine.init(opmode == javax.crypto.Cipher.ENCRYPT_MODE, new ParametersWithIV(new KeyParameter(k), iv));
  }

  @Override
  protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
      throws InvalidKeyException, InvalidAlgorithmParameterException {
    throw new InvalidAlgorithmParameterException("ChaCha needs an IvParameterSpec of 8 bytes");
  }

  @Override
  protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
    byte[] out = new byte[inputLen];
    engine.processBytes(input, inputOffset, inputLen, out, 0);
    return out;
  }

  @Override
  protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
      throws ShortBufferException {
    if (output.length - outputOffset < inputLen) {
      throw new ShortBufferException("output buffer too short");
    }
    return engine.processBytes(input, inputOffset, inputLen, output, outputOffset);
  }

  @Override
  protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen) {
    byte[] out = input == null ? new byte[0] : engineUpdate(input, inputOffset, inputLen);
    engine.reset();
    return out;
  }

  @Override
  protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
      throws ShortBufferException {
    int n = input == null ? 0 : engineUpdate(input, inputOffset, inputLen, output, outputOffset);
    engine.reset();
    return n;
  }
}
