package swfw.runtime.verify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TCP connect scan: every port at once from one selector, so dropped ports cost one timeout in
 * total, not one each. A connection that gets through is closed at once.
 */
public final class PortScanner {
  private PortScanner() {}

  public static Map<Integer, PortState> scan(InetAddress address, Collection<Integer> ports, Duration timeout)
      throws IOException {
    Map<Integer, PortState> out = new TreeMap<>();
    try (Selector selector = Selector.open()) {
      for (int port : ports) {
        start(selector, address, port, out);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < ports.size()) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        selector.select(left);
        for (SelectionKey key : selector.selectedKeys()) {
          finish(key, out);
        }
        selector.selectedKeys().clear();
      }
      for (SelectionKey key : selector.keys()) {
        if (key.isValid()) {
          out.putIfAbsent((Integer) key.attachment(), PortState.FILTERED);
        }
        key.channel().close();
      }
    }
    return out;
  }

  private static void start(Selector selector, InetAddress address, int port, Map<Integer, PortState> out)
      throws IOException {
    SocketChannel ch = SocketChannel.open();
    try {
      ch.configureBlocking(false);
      if (ch.connect(new InetSocketAddress(address, port))) {
        out.put(port, PortState.OPEN);
        ch.close();
      } else {
        ch.register(selector, SelectionKey.OP_CONNECT, port);
      }
    } catch (IOException e) {
      out.put(port, classify(e));
      ch.close();
    }
  }

  private static void finish(SelectionKey key, Map<Integer, PortState> out) throws IOException {
    SocketChannel ch = (SocketChannel) key.channel();
    int port = (Integer) key.attachment();
    try {
      ch.finishConnect();
      out.put(port, PortState.OPEN);
    } catch (IOException e) {
      out.put(port, classify(e));
    }
    key.cancel();
    ch.close();
  }

  static PortState classify(IOException e) {
    if (e instanceof NoRouteToHostException) {
      return PortState.UNREACHABLE;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (e instanceof ConnectException && m.contains("refused")) {
      return PortState.REFUSED;
    }
    return m.contains("unreachable") || m.contains("no route") ? PortState.UNREACHABLE : PortState.FILTERED;
  }
}
