package swfw.compiler.lint;

import java.util.List;

/** Wording shared by the swarm port lints. */
final class SwarmMessages {
  private SwarmMessages() {}

  /** "port 2377/tcp is" or "ports 2377/tcp, 7946/udp are". */
  static String ports(List<SwarmExposure.Exposure> list) {
    List<String> labels = list.stream().map(e -> e.port().label).toList();
    return (labels.size() == 1 ? "port " : "ports ") + String.join(", ", labels) + (labels.size() == 1 ? " is" : " are");
  }

  /** "public interface 'eth0' of node 'worker', from 203.0.113.254 (outside the inventory)". */
  static String where(SwarmExposure.Exposure e) {
    return "public interface '" + e.iface() + "' of node '" + e.role() + "', from " + e.source().address()
        + (e.fromInventory() ? " (a host of the inventory)" : " (outside the inventory)");
  }
}
