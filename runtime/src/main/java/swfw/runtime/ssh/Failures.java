package swfw.runtime.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

/** Turns what the network and sshj throw into the few words an operator needs. */
final class Failures {
  private Failures() {}

  static String reason(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
        return "connection timed out";
      }
      if (t instanceof ConnectException) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("refused") ? "connection refused" : m.contains("timed out") ? "connection timed out" : clean(m);
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof UserAuthException) {
        return "authentication failed";
      }
      root = t;
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (m.toLowerCase(Locale.ROOT).contains("timeout expired")) {
      return "connection timed out";
    }
    if (root instanceof TransportException && m.toLowerCase(Locale.ROOT).contains("broken transport")) {
      return "the connection was closed by the host";
    }
    return clean(m);
  }

  static boolean isAuth(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserAuthException) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String m) {
    String s = m.replaceAll("\\s+", " ").strip();
    if (s.isEmpty()) {
      return "unknown error";
    }
    s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
