package swfw.dsl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fresh names for lets, roles and hosts; never a keyword, a port name or an ICMP type name. */
final class Names {
  private static final List<String> ROLES = List.of("master", "worker", "edge", "db", "lb-1", "ingress_2");
  private static final List<String> STEMS = List.of("admins", "web", "ports", "net", "svc", "block.list", "v6_", "x-");

  final List<String> roles = new ArrayList<>();
  final List<String> hosts = new ArrayList<>();
  private int counter;

  String let(Random random) {
    return STEMS.get(random.nextInt(STEMS.size())) + (++counter);
  }

  /** A role: often a new one, sometimes one declared before (a role may have several node blocks). */
  String role(Random random) {
    if (!roles.isEmpty() && random.nextInt(4) == 0) {
      return roles.get(random.nextInt(roles.size()));
    }
    String role = roles.size() < ROLES.size() ? ROLES.get(roles.size()) : "role_" + (++counter);
    roles.add(role);
    return role;
  }

  String host() {
    String host = "node-" + (++counter);
    hosts.add(host);
    return host;
  }
}
