package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one {@code iptables-restore --noflush} transaction that turns swfw's part of a running
 * filter table into the desired one, leaving everything else (Docker's chains, other tables, builtin
 * policies) untouched:
 *
 * <ul>
 *   <li>every desired chain is declared, which creates it or flushes it, then filled;
 *   <li>every copy of a current hook jump is deleted and each desired hook inserted at position 1,
 *       so repeated applies never duplicate jumps (a {@code -D} that no longer matches fails the whole
 *       transaction atomically: the caller re-reads and retries);
 *   <li>swfw chains no longer wanted are flushed and deleted;
 *   <li>DOCKER-USER is created, with Docker's own FORWARD jump, only when it does not exist yet:
 *       declaring an existing chain would flush other people's rules in it.
 * </ul>
 * The same function rolls back: the desired part is then the one read from the backup.
 */
public final class LiveMerge {
  private LiveMerge() {}

  public static String payload(SwfwPart desired, SwfwPart current) {
    StringBuilder b = new StringBuilder(8192).append("*filter\n");
    boolean needsDockerUser = desired.hooks().stream().anyMatch(h -> h.startsWith("-A DOCKER-USER "))
        && !current.existing().contains("DOCKER-USER");
    if (needsDockerUser) {
      b.append(":DOCKER-USER - [0:0]\n");
    }
    List<String> stale = new ArrayList<>();
    for (String chain : current.chains().keySet()) {
      if (!desired.chains().containsKey(chain)) {
        stale.add(chain);
      }
    }
    desired.chains().keySet().forEach(c -> b.append(':').append(c).append(" - [0:0]\n"));
    stale.forEach(c -> b.append(':').append(c).append(" - [0:0]\n"));
    desired.chains().values().forEach(lines -> lines.forEach(l -> b.append(l).append('\n')));
    if (needsDockerUser) {
      b.append("-I FORWARD 1 -j DOCKER-USER\n");
    }
    for (String hook : current.hooks()) {
      b.append("-D ").append(hook.substring(3)).append('\n');
    }
    for (Map.Entry<String, List<String>> e : hooksByChain(desired.hooks()).entrySet()) {
      List<String> specs = e.getValue();
      for (int i = specs.size() - 1; i >= 0; i--) {
        b.append("-I ").append(e.getKey()).append(" 1 ").append(specs.get(i)).append('\n');
      }
    }
    stale.forEach(c -> b.append("-X ").append(c).append('\n'));
    return b.append("COMMIT\n").toString();
  }

  private static Map<String, List<String>> hooksByChain(List<String> hooks) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String h : hooks) {
      String[] parts = h.substring(3).split(" ", 2);
      out.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
    }
    return out;
  }
}
