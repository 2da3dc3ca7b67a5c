package swfw.runtime.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent reports when a push begins on a host: facts about the host and its live filter
 * tables ({@code iptables-save -t filter}, {@code ip6tables-save -t filter}).
 */
public record Begin(Map<String, String> facts, String save4, String save6) {
  public Begin {
    facts = Map.copyOf(facts);
  }

  public String fact(String key) {
    return facts.getOrDefault(key, "");
  }

  /** Parses {@code key=value} lines, then the two saves after their {@code --- …} markers. */
  static Begin parse(String out) {
    Map<String, String> facts = new LinkedHashMap<>();
    StringBuilder v4 = new StringBuilder();
    StringBuilder v6 = new StringBuilder();
    StringBuilder into = null;
    for (String line : out.split("\n", -1)) {
      if (line.equals("--- iptables-save")) {
        into = v4;
      } else if (line.equals("--- ip6tables-save")) {
        into = v6;
      } else if (line.equals("--- end")) {
        into = null;
      } else if (into != null) {
        into.append(line).append('\n');
      } else {
        int eq = line.indexOf('=');
        if (eq > 0) {
          facts.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return new Begin(facts, v4.toString(), v6.toString());
  }
}
