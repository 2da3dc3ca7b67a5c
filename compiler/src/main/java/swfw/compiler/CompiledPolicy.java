package swfw.compiler;

import java.util.List;
import java.util.Optional;
import swfw.compiler.ir.PolicyIr;

/** The output of the compiler: the intermediate policy and each node's rulesets. */
public record CompiledPolicy(String policyName, PolicyIr ir, List<CompiledNode> nodes) {
  public CompiledPolicy {
    nodes = List.copyOf(nodes);
  }

  public Optional<CompiledNode> node(String role) {
    return nodes.stream().filter(n -> n.role().equals(role)).findFirst();
  }
}
