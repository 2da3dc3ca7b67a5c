package swfw.runtime.ssh;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;

/**
 * The key factory sshj asks for by Bouncy Castle's name, {@code ECDSA}, for ECDSA host and user keys:
 * the JDK's {@code EC} factory under that name, for {@link SshProvider}.
 */
public final class EcdsaKeyFactorySpi extends KeyFactorySpi {
  private final KeyFactory jdk;

  public EcdsaKeyFactorySpi() throws NoSuchAlgorithmException {
    jdk = KeyFactory.getInstance("EC");
  }

  @Override
  protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
    return jdk.generatePublic(keySpec);
  }

  @Override
  protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
    return jdk.generatePrivate(keySpec);
  }

  @Override
  protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
    return jdk.getKeySpec(key, keySpec);
  }

  @Override
  protected Key engineTranslateKey(Key key) throws InvalidKeyException {
    return jdk.translateKey(key);
  }
}
