package swfw.runtime;

import java.util.LinkedHashSet;
import java.util.Set;
import swfw.compiler.iptables.LiveMerge;
import swfw.compiler.iptables.SwfwPart;
import swfw.compiler.text.UnifiedDiff;
import swfw.dsl.value.Family;

/**
 * swfw's part of one host's filter table in one family, as it is and as the policy wants it, with
 * the two {@code iptables-restore --noflush} transactions between them.
 */
public record Change(String hostName, Family family, SwfwPart current, SwfwPart desired) {

  public boolean changed() {
    return !current.sameAs(desired);
  }

  /** A unified diff of the canonical texts; empty when nothing changes. */
  public String diff() {
    String label = hostName + " " + family.label();
    return UnifiedDiff.diff(label + " (live)", label + " (policy)", current.canonicalText(), desired.canonicalText());
  }

  public int added() {
    return counts().added();
  }

  public int removed() {
    return counts().removed();
  }

  /** Lines added and removed, from one diff. */
  public record Counts(int added, int removed) {}

  public Counts counts() {
    int plus = 0;
    int minus = 0;
    for (String line : diff().split("\n")) {
      if (line.isEmpty() || line.startsWith("+++") || line.startsWith("---")) {
        continue;
      }
      if (line.charAt(0) == '+') {
        plus++;
      } else if (line.charAt(0) == '-') {
        minus++;
      }
    }
    return new Counts(plus, minus);
  }

  /** The transaction that turns the live part into the desired one. */
  public String applyPayload() {
    return LiveMerge.payload(desired, current);
  }

  /** The transaction that turns the part as it will be after {@link #applyPayload()} back into the live one. */
  public String rollbackPayload() {
    Set<String> existing = new LinkedHashSet<>(current.existing());
    existing.addAll(desired.chains().keySet());
    if (desired.hooks().stream().anyMatch(h -> h.startsWith("-A DOCKER-USER "))) {
      existing.add("DOCKER-USER");
    }
    SwfwPart after = new SwfwPart(desired.chains(), desired.hooks(), existing);
    return LiveMerge.payload(current, after);
  }
}
