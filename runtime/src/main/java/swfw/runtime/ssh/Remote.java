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
    String what = shown(command);
    try (Session session = startSession(what)) {
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
      awaitExit(cmd, timeout.toMillis(), what, timeout);
      Integer status = cmd.getExitStatus();
      return new ExecResult(status == null ? -1 : status, out.text(), err.text());
    } catch (IOException e) {
      throw new HostError("lost the connection to " + host.endpoint() + " while running '" + what + "': "
          + Failures.reason(e));
    }
  }

  /**
   * Starts {@code command} for a conversation: what it prints can be read up to a marker line while it
   * runs, and its input written in turns (one command, one SSH session and one process on the host
   * instead of several). {@code timeout} bounds the whole conversation.
   */
  public Conversation converse(String command, Duration timeout) throws HostError {
    String what = shown(command);
    Session session = null;
    try {
      session = startSession(what);
      Session.Command cmd = session.exec(command);
      return new Conversation(session, cmd, what, System.nanoTime() + timeout.toNanos(), timeout);
    } catch (IOException e) {
      if (session != null) {
        try {
          session.close();
        } catch (IOException ignored) {
          // the connection is broken: nothing to close
        }
      }
      throw new HostError("lost the connection to " + host.endpoint() + " while running '" + what + "': "
          + Failures.reason(e));
    }
  }

  /** {@link #converse(String, Duration)} with the default command timeout. */
  public Conversation converse(String command) throws HostError {
    return converse(command, commandTimeout);
  }

  /**
   * A command that runs while its output is read and its input written in turns; {@link #finish} ends
   * its input and waits for its exit. Closing it without finishing closes the session (the command
   * sees the end of its input).
   */
  public final class Conversation implements AutoCloseable {
    private final Session session;
    private final Session.Command cmd;
    private final String what;
    private final long deadline;
    private final Duration timeout;
    private final Drain out;
    private final Drain err;
    private final OutputStream in;
    private int read;

    private Conversation(Session session, Session.Command cmd, String what, long deadline, Duration timeout) {
      this.session = session;
      this.cmd = cmd;
      this.what = what;
      this.deadline = deadline;
      this.timeout = timeout;
      this.out = Drain.start(cmd.getInputStream());
      this.err = Drain.start(cmd.getErrorStream());
      this.in = cmd.getOutputStream();
    }

    /** Writes {@code text} to the command's input (a command that stopped reading is not an error here). */
    public void send(String text) throws HostError {
      try {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException e) {
        if (!cmd.isOpen()) {
          return;   // the command ended: finish() reports its status
        }
        throw lost(e);
      }
    }

    /**
     * The output after what was read before, up to and including the line {@code marker}; if the command's
     * output ends first, all of it (the caller then {@link #finish}es to learn why).
     */
    public String readUntil(String marker) throws HostError {
      String text = out.awaitLine(marker, read, deadline);
      if (text == null) {
        throw timedOut(what, timeout);
      }
      read += text.getBytes(StandardCharsets.UTF_8).length;
      return text;
    }

    /** Writes {@code text} (may be null), ends the input and waits for the exit; stdout is what was not read yet. */
    public ExecResult finish(String text) throws HostError {
      try (Session s = session) {
        if (text != null) {
          send(text);
        }
        try {
          in.close();
        } catch (IOException ignored) {
          // the command ended without reading all of its input: its exit status says why
        }
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        awaitExit(cmd, left, what, timeout);
        Integer status = cmd.getExitStatus();
        return new ExecResult(status == null ? -1 : status, out.textFrom(read), err.text());
      } catch (IOException e) {
        throw lost(e);
      }
    }

    private HostError lost(IOException e) {
      return new HostError("lost the connection to " + host.endpoint() + " while running '" + what + "': "
          + Failures.reason(e));
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (IOException | RuntimeException ignored) {
        // already closed, or the connection broke: the command sees the end of its input either way
      }
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

    private boolean ended;

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try {
        for (int n; (n = in.read(chunk)) >= 0; ) {
          synchronized (buf) {
            buf.write(chunk, 0, n);
            buf.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // the channel closed: keep what arrived
      } finally {
        synchronized (buf) {
          ended = true;
          buf.notifyAll();
        }
      }
    }

    /**
     * Waits until the output from byte {@code from} on holds the line {@code marker}, and returns it up to
     * and including that line; the rest of the output if it ends first; null at {@code deadline}.
     */
    String awaitLine(String marker, int from, long deadline) throws HostError {
      byte[] line = (marker + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (buf) {
        while (true) {
          byte[] b = buf.toByteArray();
          int end = find(b, from, line);
          if (end >= 0 || ended) {
            return new String(b, from, (end >= 0 ? end : b.length) - from, StandardCharsets.UTF_8);
          }
          long ms = (deadline - System.nanoTime()) / 1_000_000;
          if (ms <= 0) {
            return null;
          }
          try {
            buf.wait(ms);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostError("interrupted");
          }
        }
      }
    }

    /** The end of the first {@code line} that starts a line at or after {@code from}; -1 when none. */
    private static int find(byte[] b, int from, byte[] line) {
      for (int i = from; i + line.length <= b.length; i++) {
        if ((i == from || b[i - 1] == '\n') && java.util.Arrays.equals(b, i, i + line.length, line, 0, line.length)) {
          return i + line.length;
        }
      }
      return -1;
    }

    String textFrom(int from) throws IOException {
      String all = text();
      byte[] b = all.getBytes(StandardCharsets.UTF_8);
      return new String(b, Math.min(from, b.length), Math.max(0, b.length - from), StandardCharsets.UTF_8);
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

  /** A command as messages name it: its first 60 characters. */
  private static String shown(String command) {
    return command.length() > 60 ? command.substring(0, 60) + "…" : command;
  }

  /** A session for {@code what}; sshj throws IllegalStateException on a connection closed before. */
  private Session startSession(String what) throws IOException, HostError {
    if (!client.isConnected()) {
      throw new HostError("the connection to " + host.endpoint() + " is closed: '" + what + "' did not run");
    }
    return client.startSession();
  }

  /** Waits at most {@code millis} for {@code cmd} to exit; one still running then is a {@link #timedOut}. */
  private void awaitExit(Session.Command cmd, long millis, String what, Duration timeout)
      throws IOException, HostError {
    try {
      cmd.join(millis, TimeUnit.MILLISECONDS);
    } catch (ConnectionException e) {
      if (cmd.isOpen()) {
        throw timedOut(what, timeout);
      }
      throw e;
    }
  }

  /**
   * A command that outlived its time: the connection is closed, and with it the command's session. Not
   * the session alone: sshd answers the close of a session only once its command has ended, so a hung
   * command would hold swfw as long as it hangs.
   */
  private HostError timedOut(String what, Duration timeout) {
    close();
    return new HostError("'" + what + "' timed out after " + seconds(timeout) + "; the connection is closed");
  }
}
