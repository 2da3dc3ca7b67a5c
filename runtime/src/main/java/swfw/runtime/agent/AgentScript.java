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

  public static String text() {
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
