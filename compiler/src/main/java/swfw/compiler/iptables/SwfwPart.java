package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * swfw's part of a filter table as iptables-save lines: its chains ({@code SWFW-*}) with their rules,
 * and its hook jumps (marked {@code swfw-hook}) in chains it does not own. Read from a compiled
 * ruleset or from a live host's {@code iptables-save}, so the two can be compared and merged.
 *
 * @param chains chain name → its {@code -A} lines, in order
 * @param hooks {@code -A} lines of swfw's jumps, in the order found
 * @param existing every chain of the filter table (only when read from a save)
 */
public record SwfwPart(Map<String, List<String>> chains, List<String> hooks, Set<String> existing) {
  public static final String PREFIX = "SWFW-";

  public SwfwPart {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    chains.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    chains = java.util.Collections.unmodifiableMap(copy);
    hooks = List.copyOf(hooks);
    existing = Set.copyOf(existing);
  }

  public static SwfwPart of(Ruleset rs) {
    Map<String, List<String>> chains = new LinkedHashMap<>();
    for (Chain c : rs.chains()) {
      List<String> lines = new ArrayList<>();
      for (IptRule r : c.rules()) {
        lines.add("-A " + c.name() + " " + IptablesText.spec(r, rs.family()));
      }
      chains.put(c.name(), lines);
    }
    List<String> hooks = rs.hooks().stream().map(h -> "-A " + Forms.hookLine(h)).toList();
    return new SwfwPart(chains, hooks, Set.of());
  }

  /** swfw's part of the {@code *filter} table in {@code iptables-save} output (other tables are ignored). */
  public static SwfwPart fromSave(String save) {
    Map<String, List<String>> chains = new LinkedHashMap<>();
    List<String> hooks = new ArrayList<>();
    Set<String> existing = new TreeSet<>();
    boolean filter = false;
    for (String raw : save.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("*")) {
        filter = line.equals("*filter");
      } else if (!filter || line.isEmpty() || line.startsWith("#")) {
        continue;
      } else if (line.startsWith(":")) {
        String name = line.substring(1).split(" ", 2)[0];
        existing.add(name);
        if (name.startsWith(PREFIX)) {
          chains.putIfAbsent(name, new ArrayList<>());
        }
      } else if (line.startsWith("-A ")) {
        String chain = line.substring(3).split(" ", 2)[0];
        if (chain.startsWith(PREFIX)) {
          chains.computeIfAbsent(chain, k -> new ArrayList<>()).add(line);
        } else if (line.contains("--comment " + Hook.MARK + " ")) {
          hooks.add(line);
        }
      }
    }
    return new SwfwPart(chains, hooks, existing);
  }

  public boolean isEmpty() {
    return chains.isEmpty() && hooks.isEmpty();
  }

  /** A canonical text (hooks, then chains by name) for diffs: equal parts give equal text. */
  public String canonicalText() {
    StringBuilder b = new StringBuilder();
    new TreeSet<>(hooks).forEach(h -> b.append(h).append('\n'));
    new TreeMap<>(chains).forEach((name, lines) -> {
      b.append(':').append(name).append('\n');
      lines.forEach(l -> b.append(l).append('\n'));
    });
    return b.toString();
  }

  /** True when both parts hold the same chains, rules and hooks. */
  public boolean sameAs(SwfwPart other) {
    return canonicalText().equals(other.canonicalText());
  }
}
