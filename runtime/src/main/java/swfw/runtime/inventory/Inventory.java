package swfw.runtime.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import swfw.dsl.check.HostEntry;

/** The hosts swfw deploys to, in the order they were declared. */
public final class Inventory {
  private final List<Host> hosts;

  private Inventory(List<Host> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  public static Inventory of(List<HostEntry> entries) {
    return new Inventory(entries.stream().map(Host::of).toList());
  }

  public static Inventory ofHosts(List<Host> hosts) {
    return new Inventory(hosts);
  }

  public List<Host> hosts() {
    return hosts;
  }

  public Optional<Host> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /**
   * The hosts named by {@code limit}, each entry a host name or a role name; every host when
   * {@code limit} is empty. Declaration order is kept.
   *
   * @throws IllegalArgumentException naming the entries that match no host and no role
   */
  public List<Host> select(List<String> limit) {
    if (limit.isEmpty()) {
      return hosts;
    }
    Set<String> wanted = new LinkedHashSet<>(limit);
    List<String> unknown = new ArrayList<>();
    for (String w : wanted) {
      if (hosts.stream().noneMatch(h -> h.name().equals(w) || h.role().equals(w))) {
        unknown.add(w);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("--limit: no host or role named '" + String.join("', '", unknown)
          + "' (hosts: " + String.join(", ", hosts.stream().map(Host::name).toList()) + ")");
    }
    return hosts.stream().filter(h -> wanted.contains(h.name()) || wanted.contains(h.role())).toList();
  }

  /**
   * The swarm manager that drains and reactivates nodes: the named host, else the first host whose
   * role name contains "manager" or "master".
   *
   * @throws IllegalArgumentException when {@code named} is not an inventory host
   */
  public Optional<Host> manager(Optional<String> named) {
    if (named.isPresent()) {
      return Optional.of(host(named.get()).orElseThrow(() -> new IllegalArgumentException(
          "--manager: no host named '" + named.get() + "' in the inventory")));
    }
    return hosts.stream().filter(h -> {
      String role = h.role().toLowerCase(Locale.ROOT);
      return role.contains("manager") || role.contains("master");
    }).findFirst();
  }
}
