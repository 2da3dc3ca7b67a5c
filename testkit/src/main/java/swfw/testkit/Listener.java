package swfw.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The listener behind {@link Netns#listenTcp} and {@link Netns#listenUdp}: one small python
 * process, dual-stack, no fork per connection (ncat {@code -e} and socat {@code fork} spawn a
 * process per client, and neither has a reliable UDP responder mode).
 */
final class Listener {

  private static final String SCRIPT = String.join("\n",
      "import socket, sys",
      "kind, port, reply = sys.argv[1], int(sys.argv[2]), (sys.argv[3] + '\\n').encode()",
      "t = socket.SOCK_STREAM if kind == 'tcp' else socket.SOCK_DGRAM",
      "try:",
      "    s = socket.socket(socket.AF_INET6, t)",
      "    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)",
      "except OSError:",
      "    s = socket.socket(socket.AF_INET, t)",
      "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "s.bind(('', port))",
      "if kind == 'tcp':",
      "    s.listen(128)",
      "    while True:",
      "        c, _ = s.accept()",
      "        try:",
      "            c.sendall(reply)",
      "            c.shutdown(socket.SHUT_WR)",
      "            c.settimeout(0.2)",  // wait briefly for the client's EOF: closing with unread
      "            while c.recv(65536):",  // data would send RST instead of FIN
      "                pass",
      "        except OSError:",
      "            pass",
      "        c.close()",
      "else:",
      "    while True:",
      "        _, a = s.recvfrom(65535)",
      "        try:",
      "            s.sendto(reply, a)",
      "        except OSError:",
      "            pass",
      "");

  private Listener() {
  }

  static Background start(Netns ns, String kind, int port, String reply) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return ns.spawn(python(), "-I", "-S", "-c", SCRIPT, kind, Integer.toString(port), reply);
  }

  /** The system python, not a version-manager shim that costs 100 ms per start. */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }
}
