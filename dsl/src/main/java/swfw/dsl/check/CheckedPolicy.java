package swfw.dsl.check;

import java.nio.file.Path;
import java.util.List;
import swfw.diag.SourceFile;

/**
 * A policy whose names are resolved and whose values are valid: what the compiler reads. Statements
 * keep source order; each says which node role it belongs to (empty: every role).
 */
public record CheckedPolicy(Path root, List<SourceFile> sources, List<Resolved> statements,
    List<String> roles, List<HostEntry> hosts) {
  public CheckedPolicy {
    sources = List.copyOf(sources);
    statements = List.copyOf(statements);
    roles = List.copyOf(roles);
    hosts = List.copyOf(hosts);
  }
}
