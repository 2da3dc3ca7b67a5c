package swfw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(LabExtension.class)
class IptablesTest {

  private static final String RULES = String.join("\n",
      "*filter",
      ":INPUT ACCEPT [0:0]",
      ":FORWARD DROP [0:0]",
      ":OUTPUT ACCEPT [0:0]",
      ":SWFW-INPUT - [0:0]",
      "-A INPUT -j SWFW-INPUT",
      "-A SWFW-INPUT -i eth0 -p tcp -m tcp --dport 22 -m comment --comment \"swfw: ssh\" -j RETURN",
      "-A SWFW-INPUT -i eth0 -j DROP",
      "COMMIT",
      "");

  @Test
  void savesWhatWasRestoredByteForByteWithoutCommentsOrCounters(Lab lab) {
    Iptables ipt = lab.netns("h").iptables();

    ipt.restore(RULES);

    assertEquals(RULES, ipt.save());
    assertEquals(RULES, ipt.save("filter"));
    assertEquals("", ipt.save("nat"));
  }

  @Test
  void noflushKeepsChainsTheFileDoesNotMention(Lab lab) {
    Iptables ipt = lab.netns("h").iptables();
    ipt.restore(RULES);

    ipt.restoreNoflush("*filter\n:OTHER - [0:0]\n-A OTHER -j RETURN\nCOMMIT\n");

    String saved = ipt.save();
    assertTrue(saved.contains("-A SWFW-INPUT -i eth0 -j DROP"), saved);
    assertTrue(saved.contains("-A OTHER -j RETURN"), saved);
  }

  @Test
  void aFailedLoadIsReportedAndChangesNothing(Lab lab) {
    Iptables ipt = lab.netns("h").iptables();
    ipt.restore(RULES);

    ExecResult r = ipt.tryRestore("*filter\n-A INPUT -j ACCEPT\n-A NOPE -j DROP\nCOMMIT\n", true);

    assertFalse(r.ok());
    assertTrue(r.stderr().contains("line 3"), r.stderr());
    assertEquals(RULES, ipt.save());
  }

  @Test
  void ipv4AndIpv6AreSeparateAndPerNamespace(Lab lab) {
    Netns a = lab.netns("a");
    Netns b = lab.netns("b");

    a.ip6tables().restore("*filter\n:SIX - [0:0]\nCOMMIT\n");

    assertTrue(a.ip6tables().save().contains(":SIX - [0:0]"));
    assertEquals("", a.iptables().save());
    assertEquals("", b.ip6tables().save());
    assertTrue(a.ip6tables().run("-S").contains("-N SIX"));
  }

  @Test
  void legacyBackendCanBeChosen(Lab lab) {
    Iptables legacy = lab.netns("h").iptables().with(Iptables.Backend.LEGACY);

    legacy.restore(RULES);

    assertEquals(RULES, legacy.save("filter"));
    assertEquals("", lab.netnsOf("h").iptables().with(Iptables.Backend.NFT).save());
  }
}
