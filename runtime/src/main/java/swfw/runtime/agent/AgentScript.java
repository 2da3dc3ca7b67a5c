package swfw.runtime.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The agent's POSIX sh source, shipped as a resource and uploaded by every push. */
public final class AgentScript {
  /** Where the agent and its state live on a host. */
  public static final String VAR = "/var/lib/swfw";

  private AgentScript() {}

  /** The script, read from the jar once per run (every host's push uploads it). */
  public static String text() {
    return Text.VALUE;
  }

  private static final class Text {
    static final String VALUE = read();
  }

  private static String read() {
    try (InputStream in = AgentScript.class.getResourceAsStream("agent.sh")) {
      if (in == null) {
        throw new IllegalStateException("agent.sh missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
