package swfw.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static Host host(String name, String role) {
    return new Host(name, role, "192.0.2.1", "root", 22, Optional.empty(), Optional.empty(), Optional.of(name));
  }

  private final Inventory inv = Inventory.ofHosts(List.of(host("edge-1", "edge"), host("mgr-1", "swarm-manager"),
      host("w-1", "worker"), host("w-2", "worker")));

  private static List<String> names(List<Host> hosts) {
    return hosts.stream().map(Host::name).toList();
  }

  @Test
  void limitSelectsHostsAndRolesInDeclarationOrder() {
    assertEquals(List.of("edge-1", "mgr-1", "w-1", "w-2"), names(inv.select(List.of())));
    assertEquals(List.of("edge-1", "w-1", "w-2"), names(inv.select(List.of("worker", "edge-1"))));
  }

  @Test
  void limitNamesWhatMatchesNothing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> inv.select(List.of("w-1", "wrker")));
    assertEquals("--limit: no host or role named 'wrker' (hosts: edge-1, mgr-1, w-1, w-2)", e.getMessage());
  }

  @Test
  void theManagerIsTheNamedHostElseTheFirstWhoseRoleSaysManagerOrMaster() {
    assertEquals("mgr-1", inv.manager(Optional.empty()).orElseThrow().name());
    assertEquals("w-2", inv.manager(Optional.of("w-2")).orElseThrow().name());
    assertEquals(Optional.empty(), Inventory.ofHosts(List.of(host("w-1", "worker"))).manager(Optional.empty()));
    assertEquals(Optional.of("master"), Inventory.ofHosts(List.of(host("w-1", "worker"), host("m", "master")))
        .manager(Optional.empty()).map(Host::role));
    assertThrows(IllegalArgumentException.class, () -> inv.manager(Optional.of("nope")));
  }

  @Test
  void endpointsBracketIpv6() {
    assertEquals("[2001:db8::1]:2222", new Host("h", "r", "2001:db8::1", "deploy", 2222, Optional.empty(),
        Optional.empty(), Optional.empty()).endpoint());
  }
}
