package swfw.runtime.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortScannerTest {
  @Test
  void aListeningPortIsOpenAndAClosedOneAnswersWithAReset() throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    try (ServerSocket open = new ServerSocket(0, 5, lo); ServerSocket gone = new ServerSocket(0, 5, lo)) {
      int closedPort = gone.getLocalPort();
      gone.close();
      Map<Integer, PortState> seen = PortScanner.scan(lo, List.of(open.getLocalPort(), closedPort), Duration.ofSeconds(2));
      assertEquals(Map.of(open.getLocalPort(), PortState.OPEN, closedPort, PortState.REFUSED), seen);
    }
  }
}
