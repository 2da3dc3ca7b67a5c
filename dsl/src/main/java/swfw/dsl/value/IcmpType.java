package swfw.dsl.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An ICMP (IPv4) or ICMPv6 type, by number; the names are those iptables and ip6tables accept. */
public record IcmpType(Family family, int type) implements Comparable<IcmpType> {
  private static final Map<String, Integer> V4 = new LinkedHashMap<>();
  private static final Map<String, Integer> V6 = new LinkedHashMap<>();

  static {
    V4.put("echo-reply", 0);
    V4.put("pong", 0);
    V4.put("destination-unreachable", 3);
    V4.put("source-quench", 4);
    V4.put("redirect", 5);
    V4.put("echo-request", 8);
    V4.put("ping", 8);
    V4.put("router-advertisement", 9);
    V4.put("router-solicitation", 10);
    V4.put("time-exceeded", 11);
    V4.put("ttl-exceeded", 11);
    V4.put("parameter-problem", 12);
    V4.put("timestamp-request", 13);
    V4.put("timestamp-reply", 14);
    V4.put("address-mask-request", 17);
    V4.put("address-mask-reply", 18);
    V6.put("destination-unreachable", 1);
    V6.put("packet-too-big", 2);
    V6.put("time-exceeded", 3);
    V6.put("ttl-exceeded", 3);
    V6.put("parameter-problem", 4);
    V6.put("echo-request", 128);
    V6.put("ping", 128);
    V6.put("echo-reply", 129);
    V6.put("pong", 129);
    V6.put("router-solicitation", 133);
    V6.put("router-advertisement", 134);
    V6.put("neighbour-solicitation", 135);
    V6.put("neighbor-solicitation", 135);
    V6.put("neighbour-advertisement", 136);
    V6.put("neighbor-advertisement", 136);
    V6.put("redirect", 137);
  }

  /** ICMPv6 that IPv6 needs to work at all (errors and neighbour discovery): always allowed. */
  public static final Set<Integer> REQUIRED_V6 = Set.of(1, 2, 3, 4, 133, 134, 135, 136);

  public static Optional<IcmpType> byName(Family family, String name) {
    Integer type = (family == Family.V4 ? V4 : V6).get(name.toLowerCase(java.util.Locale.ROOT));
    return type == null ? Optional.empty() : Optional.of(new IcmpType(family, type));
  }

  /** All names of a family, for "did you mean" hints. */
  public static Set<String> names(Family family) {
    return (family == Family.V4 ? V4 : V6).keySet();
  }

  public boolean isRequiredV6() {
    return family == Family.V6 && REQUIRED_V6.contains(type);
  }

  @Override
  public int compareTo(IcmpType o) {
    return family != o.family ? family.compareTo(o.family) : Integer.compare(type, o.type);
  }

  @Override
  public String toString() {
    return Integer.toString(type);
  }

  // Written out rather than generated: a record's equals and hashCode are bootstrapped through
  // invokedynamic, about 10 ms on the first call, and every swfw run makes one.
  @Override
  public boolean equals(Object o) {
    return o instanceof IcmpType t && family == t.family && type == t.type;
  }

  @Override
  public int hashCode() {
    return family.ordinal() * 31 + type;
  }
}
