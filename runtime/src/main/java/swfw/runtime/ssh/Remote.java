package swfw.runtime.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import swfw.runtime.HostError;
import swfw.runtime.inventory.Host;

/**
 * One authenticated SSH connection to a host. Every command has a timeout and its exit status is
 * returned; transport problems become a one-line {@link HostError}.
 */
public final class Remote implements AutoCloseable {
  private final Host host;
  private final SSHClient client;
  private final SSHClient jump;
  private final Duration commandTimeout;
  private final String algorithms;

  Remote(Host host, SSHClient client, SSHClient jump, Duration commandTimeout, String algorithms) {
    this.host = host;
    this.client = client;
    this.jump = jump;
    this.commandTimeout = commandTimeout;
    this.algorithms = algorithms;
  }

  /** The key exchange, host key, cipher (and MAC, unless the cipher authenticates) negotiated. */
  public String algorithms() {
    return algorithms;
  }

  public Host host() {
    return host;
  }

  public boolean isConnected() {
    return client.isConnected() && client.isAuthenticated();
  }

  /** {@code command} as root: unchanged for root, else through {@code sudo -n} (never a password prompt). */
  public String asRoot(String command) {
    return host.isRoot() ? command : "sudo -n " + command;
  }

  /** Runs {@code command} with the default command timeout. */
  public ExecResult exec(String command, String stdin) throws HostError {
    return exec(command, stdin, commandTimeout);
  }

  /** Runs {@code command}, feeding it {@code stdin} (may be null), and waits at most {@code timeout}. */
  public ExecResult exec(String command, String stdin, Duration timeout) throws HostError {
    String what = command.length() > 60 ? command.substring(0, 60) + "…" : command;
    try (Session session = client.startSession()) {
      Session.Command cmd = session.exec(command);
      Drain out = Drain.start(cmd.getInputStream());
      Drain err = Drain.start(cmd.getErrorStream());
      try (OutputStream in = cmd.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
          in.flush();
        }
      } catch (IOException ignored) {
        // the command ended without reading all of its input: its exit status says why
      }
      try {
        cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ConnectionException e) {
        if (cmd.isOpen()) {
          cmd.close();
          throw new HostError("'" + what + "' timed out after " + seconds(timeout));
        }
        throw e;
      }
      Integer status = cmd.getExitStatus();
      return new ExecResult(status == null ? -1 : status, out.text(), err.text());
    } catch (IOException e) {
      throw new HostError("lost the connection to " + host.endpoint() + " while running '" + what + "': "
          + Failures.reason(e));
    }
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  @Override
  public void close() {
    closeQuietly(client);
    if (jump != null) {
      closeQuietly(jump);
    }
  }

  static void closeQuietly(SSHClient c) {
    try {
      c.close();
    } catch (IOException | RuntimeException ignored) {
      // closing a broken connection: nothing left to do
    }
  }

  /** Reads a stream to its end on its own thread, so stdout and stderr never block each other. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private Drain(InputStream in) {
      super("swfw-ssh-drain");
      this.in = in;
      setDaemon(true);
    }

    static Drain start(InputStream in) {
      Drain d = new Drain(in);
      d.start();
      return d;
    }

    @Override
    public void run() {
      try {
        in.transferTo(buf);
      } catch (IOException ignored) {
        // the channel closed: keep what arrived
      }
    }

    String text() throws IOException {
      try {
        join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      synchronized (buf) {
        return buf.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
