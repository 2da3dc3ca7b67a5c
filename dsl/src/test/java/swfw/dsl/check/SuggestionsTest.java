package swfw.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "icmpv6", "any");

  @Test
  void suggestsTheClosestName() {
    assertEquals(Optional.of("admins"), Suggestions.closest("admns", List.of("admins", "office", "web")));
    assertEquals(Optional.of("https"), Suggestions.closest("htps", List.of("http", "https", "ssh")));
    assertEquals(Optional.of("echo-request"), Suggestions.closest("echo-reqest", List.of("echo-reply", "echo-request")));
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    assertEquals(1, Suggestions.distance("tpc", "tcp"));
    assertEquals(Optional.of("tcp"), Suggestions.closest("tpc", PROTOCOLS));
    assertEquals(Optional.of("icmpv6"), Suggestions.closest("icmvp6", PROTOCOLS));
  }

  @Test
  void ignoresCase() {
    assertEquals(Optional.of("tcp"), Suggestions.closest("TCP", PROTOCOLS));
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertEquals(Optional.empty(), Suggestions.closest("office", List.of("admins", "web")));
    assertEquals(Optional.empty(), Suggestions.closest("sctp", PROTOCOLS));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
  }

  @Test
  void allowsMoreEditsForLongerWords() {
    // One edit for words under 6 characters, up to three for 9 or more.
    assertEquals(Optional.empty(), Suggestions.closest("wbe", List.of("web-ports")));
    assertEquals(Optional.of("docker-swarm"), Suggestions.closest("dockr-swrm", List.of("docker-swarm")));
    assertEquals(Optional.empty(), Suggestions.closest("ab", List.of("xy")));
  }

  @Test
  void breaksTiesAlphabetically() {
    assertEquals(Optional.of("bat"), Suggestions.closest("cat", List.of("rat", "bat", "hat")));
  }

  @Test
  void keepsLongInputCheap() {
    // The length check answers before the quadratic table for words far apart in length.
    assertEquals(Integer.MAX_VALUE, Suggestions.distance("a".repeat(1_000_000), "admins"));
    assertEquals(Optional.empty(), Suggestions.closest("a".repeat(1_000_000), List.of("admins")));
  }
}
