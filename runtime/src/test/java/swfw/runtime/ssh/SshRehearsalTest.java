package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SshRehearsalTest {
  @Test
  void theRehearsalOfALoginRunsWithoutAServer() {
    // run() swallows failures (the training run must not break); the steps themselves must work
    assertDoesNotThrow(SshRehearsal::rehearse);
  }

  @Test
  void theCiphersOfferedAreOpenSshsInSshjsOrderWithCbcLast() {
    assertEquals("chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,"
        + "aes256-gcm@openssh.com,aes128-cbc,aes192-cbc,aes256-cbc", SshConfig.build().cipherNames());
  }
}
