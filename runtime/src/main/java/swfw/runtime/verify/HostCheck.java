package swfw.runtime.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import swfw.runtime.inventory.Host;

/**
 * A scan of one host against the policy: each probed port's expectation and what was seen, or why
 * the host could not be scanned.
 */
public record HostCheck(Host host, Map<Integer, Expect> expected, Map<Integer, PortState> seen,
    Optional<String> error) {
  public HostCheck {
    expected = Map.copyOf(expected);
    seen = Map.copyOf(seen);
  }

  /** One line per port that did not meet its expectation, in port order. */
  public List<String> mismatches() {
    List<String> out = new ArrayList<>();
    new java.util.TreeMap<>(expected).forEach((port, expect) -> {
      PortState s = seen.get(port);
      if (s != null && !expect.allows(s)) {
        out.add("tcp " + port + ": expected " + word(expect) + ", found " + s.text());
      }
    });
    return out;
  }

  public boolean ok() {
    return error.isEmpty() && mismatches().isEmpty();
  }

  private static String word(Expect e) {
    return switch (e) {
      case OPEN -> "open (answering)";
      case CLOSED -> "filtered (no answer)";
      case REJECTED -> "rejected";
    };
  }
}
