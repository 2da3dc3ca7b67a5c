package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * Commands over a real sshd: their output and status, and a command that outlives its time, which closes
 * the connection rather than wait for the command (the 20 s bounds catch a hang; they time nothing).
 */
@Tag("kernel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteKernelTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  private static final Duration HANG = Duration.ofSeconds(20);

  private SshLab lab;
  private Host host;
  private Ssh ssh;

  @BeforeAll
  void startLab() {
    lab = SshLab.start(List.of(SshLab.Spec.of("remote", 42)));
    SshHost server = lab.host("remote");
    host = new Host("remote", "worker", server.address(), "root", 22, Optional.of(lab.clientKey().toString()),
        Optional.empty(), Optional.empty());
    ssh = new Ssh(new SshOptions(lab.knownHosts(), false, Duration.ofSeconds(3), Duration.ofSeconds(10),
        Passphrases.none(), List.of()), Inventory.ofHosts(List.of(host)));
  }

  @AfterAll
  void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void execReturnsTheCommandsOutputAndStatus() throws HostError {
    try (Remote remote = ssh.connect(host)) {
      assertEquals(new ExecResult(3, "fed in\n", "oops\n"), remote.exec("cat; echo oops >&2; exit 3", "fed in\n"));
      assertEquals("again\n", remote.exec("echo again", null).stdout());
    }
  }

  @Test
  void execOfACommandThatOutlivesItsTimeClosesTheConnection() throws HostError {
    try (Remote remote = ssh.connect(host)) {
      HostError e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(HostError.class, () -> remote.exec("sleep 60", null, SHORT)));
      assertEquals("'sleep 60' timed out after 0.5 s; the connection is closed", e.getMessage());
      assertFalse(remote.isConnected());
      HostError late = assertThrows(HostError.class, () -> remote.exec("echo too late", null));
      assertEquals("the connection to " + host.endpoint() + " is closed: 'echo too late' did not run", late.getMessage());
    }
  }

  @Test
  void aConversationThatOutlivesItsTimeClosesTheConnection() throws HostError {
    try (Remote remote = ssh.connect(host);
        Remote.Conversation c = remote.converse("read line; echo \"$line\"; sleep 60", SHORT)) {
      c.send("hello\n");
      assertEquals("hello\n", c.readUntil("hello"));
      HostError e = assertTimeoutPreemptively(HANG, () -> assertThrows(HostError.class, () -> c.finish(null)));
      assertEquals("'read line; echo \"$line\"; sleep 60' timed out after 0.5 s; the connection is closed",
          e.getMessage());
      assertFalse(remote.isConnected());
    }
  }

  @Test
  void aConversationWaitingForALineThatNeverComesTimesOut() throws HostError {
    try (Remote remote = ssh.connect(host);
        Remote.Conversation c = remote.converse("sleep 60", SHORT)) {
      HostError e = assertTimeoutPreemptively(HANG, () -> assertThrows(HostError.class, () -> c.readUntil("ready")));
      assertEquals("'sleep 60' timed out after 0.5 s; the connection is closed", e.getMessage());
    }
  }
}
