package swfw.compiler.iptables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * A kernel address set (ipset) standing in for a long address list: one rule and one hash lookup
 * instead of one rule per address. Named after its content, so the same list always gets the same
 * set and a changed list a new one.
 */
public record IpSet(String name, Family family, List<Cidr> members) {
  /** Address lists longer than this become a set. */
  public static final int THRESHOLD = 16;

  public IpSet {
    members = List.copyOf(members);
  }

  public static IpSet of(Family family, List<Cidr> members) {
    return new IpSet(name(family, members), family, members);
  }

  /** {@code hash:ip} when every member is one address (faster to load), else {@code hash:net}. */
  public String type() {
    return members.stream().allMatch(c -> c.prefix() == c.bits()) ? "hash:ip" : "hash:net";
  }

  public boolean contains(Cidr address) {
    return members.stream().anyMatch(c -> c.contains(address));
  }

  private static String name(Family family, List<Cidr> members) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Cidr c : members) {
        sha.update(c.toString().getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
      }
      return "swfw" + (family == Family.V4 ? "4" : "6") + "-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
