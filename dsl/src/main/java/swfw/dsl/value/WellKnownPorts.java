package swfw.dsl.value;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Port names a policy may use instead of numbers (a fixed table: compiling never reads /etc/services). */
public final class WellKnownPorts {
  private static final Map<String, Integer> PORTS = new TreeMap<>(Map.ofEntries(
      Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23), Map.entry("smtp", 25),
      Map.entry("domain", 53), Map.entry("dns", 53), Map.entry("http", 80), Map.entry("pop3", 110),
      Map.entry("ntp", 123), Map.entry("imap", 143), Map.entry("snmp", 161), Map.entry("ldap", 389),
      Map.entry("https", 443), Map.entry("submission", 587), Map.entry("imaps", 993),
      Map.entry("pop3s", 995), Map.entry("mysql", 3306), Map.entry("postgresql", 5432),
      Map.entry("redis", 6379), Map.entry("docker-swarm", 2377), Map.entry("swarm-gossip", 7946),
      Map.entry("vxlan", 4789), Map.entry("http-alt", 8080), Map.entry("portainer", 9443)));

  private WellKnownPorts() {}

  public static Optional<Integer> byName(String name) {
    return Optional.ofNullable(PORTS.get(name));
  }

  public static Set<String> names() {
    return PORTS.keySet();
  }
}
