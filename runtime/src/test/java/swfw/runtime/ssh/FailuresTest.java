package swfw.runtime.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void networkFailuresSayWhatHappenedInAFewWords() {
    assertEquals("connection refused", Failures.reason(new ConnectException("Connection refused")));
    assertEquals("connection timed out", Failures.reason(new SocketTimeoutException("Connect timed out")));
    assertEquals("connection timed out", Failures.reason(new ConnectException("Connection timed out")));
    assertEquals("no route to host", Failures.reason(new NoRouteToHostException("No route to host")));
    assertEquals("connection timed out", Failures.reason(new TransportException(new java.util.concurrent.TimeoutException())));
    assertEquals("authentication failed", Failures.reason(new IOException(new UserAuthException("Exhausted"))));
    assertEquals("weird thing", Failures.reason(new IOException("Weird thing.")));
  }
}
