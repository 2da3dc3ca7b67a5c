package swfw.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import swfw.compiler.iptables.SwfwPart;
import swfw.dsl.value.Family;
import swfw.runtime.inventory.Inventory;
import swfw.runtime.lab.Policies;

class ChangeTest {
  private static final String DOCKER = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
      + ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\nCOMMIT\n";

  @TempDir
  Path dir;

  private Target target(String rules) {
    Path file = Policies.write(dir, "p.swfw", rules + "host n1 role worker address 192.0.2.1;\n");
    var checked = Policies.check(file);
    return Target.resolve(Policies.compile(checked), Inventory.of(checked.hosts()).hosts()).get(0);
  }

  @Test
  void aFirstInstallAddsChainsAndHooksAndItsRollbackRemovesThem() {
    Change c = target("public eth0;\nnode worker allow tcp 22 \"SSH\";\n").change(Family.V4, DOCKER);

    assertTrue(c.changed());
    assertEquals("""
        *filter
        :SWFW-IN-eth0 - [0:0]
        :SWFW-FWD-eth0 - [0:0]
        -A SWFW-IN-eth0 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "p.swfw:1 established" -j ACCEPT
        -A SWFW-IN-eth0 -m conntrack --ctstate INVALID -m comment --comment "p.swfw:1 invalid" -j DROP
        -A SWFW-IN-eth0 -p tcp -m tcp --dport 22 -m comment --comment "p.swfw:2 SSH" -j ACCEPT
        -A SWFW-IN-eth0 -m comment --comment "p.swfw:1 default deny on eth0" -j DROP
        -A SWFW-FWD-eth0 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "p.swfw:1 established" -j RETURN
        -A SWFW-FWD-eth0 -m comment --comment "p.swfw:1 published ports closed on eth0" -j DROP
        -I INPUT 1 -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0
        -I DOCKER-USER 1 -i eth0 -m comment --comment swfw-hook -j SWFW-FWD-eth0
        COMMIT
        """, c.applyPayload());
    assertEquals("""
        *filter
        :SWFW-IN-eth0 - [0:0]
        :SWFW-FWD-eth0 - [0:0]
        -D INPUT -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0
        -D DOCKER-USER -i eth0 -m comment --comment swfw-hook -j SWFW-FWD-eth0
        -X SWFW-IN-eth0
        -X SWFW-FWD-eth0
        COMMIT
        """, c.rollbackPayload());
    assertEquals(10, c.added());
    assertEquals(0, c.removed());
  }

  @Test
  void anUpdateRollsBackToThePreviousRulesIncludingAChainThePolicyNoLongerHas() {
    String previous = DOCKER.replace("COMMIT\n", "")
        + ":SWFW-OLD - [0:0]\n"
        + "-A INPUT -m comment --comment swfw-hook -j SWFW-OLD\n"
        + "-A SWFW-OLD -p tcp -m tcp --dport 2222 -j ACCEPT\nCOMMIT\n";
    Change c = target("public eth0;\nnode worker allow tcp 22;\n").change(Family.V4, previous);

    assertTrue(c.applyPayload().contains("-D INPUT -m comment --comment swfw-hook -j SWFW-OLD\n"));
    assertTrue(c.applyPayload().contains("-X SWFW-OLD\n"), c.applyPayload());
    String rollback = c.rollbackPayload();
    assertTrue(rollback.contains(":SWFW-OLD - [0:0]\n"), rollback);
    assertTrue(rollback.contains("\n-A SWFW-OLD -p tcp -m tcp --dport 2222 -j ACCEPT\n"), rollback);
    assertTrue(rollback.contains("-D INPUT -i eth0 -m comment --comment swfw-hook -j SWFW-IN-eth0\n"), rollback);
    assertTrue(rollback.contains("-I INPUT 1 -m comment --comment swfw-hook -j SWFW-OLD\n"), rollback);
    assertTrue(rollback.contains("-X SWFW-IN-eth0\n"), rollback);
    assertFalse(rollback.contains(":DOCKER-USER"), "DOCKER-USER exists after the apply: never declared (flushed) again");
  }

  @Test
  void aHostWhoseSaveHoldsThePolicyIsInPolicy() {
    Target t = target("public eth0;\nnode worker allow tcp 22;\n");
    SwfwPart desired = t.desired(Family.V4);
    StringBuilder save = new StringBuilder(DOCKER.replace("COMMIT\n", ""));
    desired.chains().keySet().forEach(name -> save.append(':').append(name).append(" - [0:0]\n"));
    desired.hooks().forEach(h -> save.append(h).append('\n'));
    desired.chains().values().forEach(lines -> lines.forEach(l -> save.append(l).append('\n')));
    Change c = t.change(Family.V4, save.append("COMMIT\n").toString());

    assertFalse(c.changed());
    assertEquals("", c.diff());
  }
}
