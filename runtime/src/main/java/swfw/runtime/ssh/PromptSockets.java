package swfw.runtime.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Sockets for sshj without the TCP stalls of about 40 ms that otherwise cost a push most of its time
 * on a fast network (bench/README.md has the measurements):
 *
 * <ul>
 *   <li>sshj writes every SSH packet on its own, so with Nagle's algorithm a packet that follows an
 *       unacknowledged one (channel request, data, EOF) waits for the server's delayed ACK:
 *       {@code TCP_NODELAY}.
 *   <li>After a login OpenSSH's server sends messages that want no answer ({@code hostkeys-00},
 *       {@code SSH_MSG_DEBUG} lines about the key's options) and then, by Nagle's algorithm, holds
 *       back the confirmation of the first channel until they are acknowledged; our delayed ACK
 *       fires only after 40 ms. Where the platform has it (Linux), every read that returns data
 *       sets {@code TCP_QUICKACK}, which sends the pending ACK at once.
 * </ul>
 */
final class PromptSockets extends SocketFactory {
  static final PromptSockets INSTANCE = new PromptSockets();

  private static final boolean QUICKACK = supported();

  private PromptSockets() {}

  private static boolean supported() {
    try (Socket s = new Socket()) {
      return s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket s = QUICKACK ? new QuickAckSocket() : new Socket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new java.net.InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    throw new UnsupportedOperationException("sshj connects an unconnected socket");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new java.net.InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    throw new UnsupportedOperationException("sshj connects an unconnected socket");
  }

  private Socket connected(java.net.InetSocketAddress to) throws IOException {
    Socket s = createSocket();
    s.connect(to);
    return s;
  }

  /** Acknowledges what it has read at once instead of after the delayed-ACK timer. */
  private static final class QuickAckSocket extends Socket {
    private volatile boolean quickAck = true;

    @Override
    public InputStream getInputStream() throws IOException {
      return new FilterInputStream(super.getInputStream()) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            acknowledge();
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          if (n > 0) {
            acknowledge();
          }
          return n;
        }
      };
    }

    private void acknowledge() {
      if (quickAck) {
        try {
          setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | RuntimeException e) {
          quickAck = false;   // closed or refused: reads still work, only ACKs come later
        }
      }
    }
  }
}
