package swfw.runtime.inventory;

import java.util.Optional;
import swfw.dsl.check.HostEntry;

/**
 * One host of the inventory: where it is, which node role's rules it gets, and how to reach it.
 *
 * @param user the SSH user; commands run through {@code sudo -n} unless it is root
 * @param key an OpenSSH private key file ({@code ~} allowed); empty: the default keys
 * @param jump another inventory host (or {@code [user@]host[:port]}) to reach this one through
 * @param swarmNode the Docker Swarm node name: drained through a manager while its rules change
 */
public record Host(String name, String role, String address, String user, int port, Optional<String> key,
    Optional<String> jump, Optional<String> swarmNode) {

  public static Host of(HostEntry e) {
    return new Host(e.name(), e.role(), e.address(), e.user().orElse("root"), e.port(), e.key(), e.jump(),
        e.swarmNode());
  }

  public boolean isRoot() {
    return user.equals("root");
  }

  /** {@code 203.0.113.11:22}, {@code [2001:db8::1]:22}. */
  public String endpoint() {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }
}
