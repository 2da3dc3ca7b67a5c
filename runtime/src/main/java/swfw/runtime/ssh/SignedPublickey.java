package swfw.runtime.ssh;

import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.KeyedAuthMethod;

/**
 * Public-key login that sends the signed request at once (RFC 4252, 7: a signature may be sent
 * without asking first whether the key is acceptable). sshj's {@code AuthPublickey} asks first, as
 * OpenSSH's client does, which costs every connection one more round trip and the server one more
 * look through authorized_keys; a refused key fails the same way either way.
 */
final class SignedPublickey extends KeyedAuthMethod {
  SignedPublickey(KeyProvider key) {
    super("publickey", key);
  }

  @Override
  protected SSHPacket buildReq() throws UserAuthException {
    SSHPacket req = super.buildReq();
    req.putBoolean(true);
    return putSig(putPubKey(req));
  }
}
