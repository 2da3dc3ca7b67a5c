package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/**
 * Commands over a real sshd: their output and status, and a command that outlives its time. Such a command
 * is reported only once it ends (sshd answers the close of its session then): these sleep 2 s, not longer.
 */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteKernelTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  private SshLab lab;
  private Remote remote;

  @BeforeAll
  void startLab() throws HostError {
    lab = SshLab.start(List.of(SshLab.Spec.of("remote", 42)));
    SshHost host = lab.host("remote");
    Host h = new Host("remote", "worker", host.address(), "root", 22, Optional.of(lab.clientKey().toString()),
        Optional.empty(), Optional.empty());
    Ssh ssh = new Ssh(new SshOptions(lab.knownHosts(), false, Duration.ofSeconds(3), Duration.ofSeconds(10),
        Passphrases.none(), List.of()), Inventory.ofHosts(List.of(h)));
    remote = ssh.connect(h);
  }

  @AfterAll
  void stopLab() {
    if (remote != null) {
      remote.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void execReturnsTheCommandsOutputAndStatus() throws HostError {
    ExecResult r = remote.exec("cat; echo oops >&2; exit 3", "fed in\n");
    assertEquals(new ExecResult(3, "fed in\n", "oops\n"), r);
  }

  @Test
  void execOfACommandThatOutlivesItsTimeIsATimeout() {
    HostError e = assertThrows(HostError.class, () -> remote.exec("sleep 2", null, SHORT));
    assertEquals("'sleep 2' timed out after 0.5 s", e.getMessage());
  }

  @Test
  void aConversationThatOutlivesItsTimeIsATimeout() throws HostError {
    try (Remote.Conversation c = remote.converse("read line; echo \"$line\"; sleep 2", SHORT)) {
      c.send("hello\n");
      assertEquals("hello\n", c.readUntil("hello"));
      HostError e = assertThrows(HostError.class, () -> c.finish(null));
      assertEquals("'read line; echo \"$line\"; sleep 2' timed out after 0.5 s", e.getMessage());
    }
  }

  @Test
  void theConnectionStillRunsCommandsAfterATimeout() throws HostError {
    assertThrows(HostError.class, () -> remote.exec("sleep 2", null, SHORT));
    assertEquals("still here\n", remote.exec("echo still here", null).stdout());
  }
}
