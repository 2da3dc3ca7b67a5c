package swfw.compiler.ir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import swfw.dsl.check.HostEntry;

/** The intermediate policy: one {@link NodeIr} per node role, and the inventory. */
public record PolicyIr(Path root, List<NodeIr> nodes, List<HostEntry> hosts) {
  public PolicyIr {
    nodes = List.copyOf(nodes);
    hosts = List.copyOf(hosts);
  }

  public Optional<NodeIr> node(String role) {
    return nodes.stream().filter(n -> n.role().equals(role)).findFirst();
  }
}
