package swfw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DockerRulesTest {

  private static DockerRules fixtureOptions() {
    return new DockerRules(new DockerRules.Options(
        List.of(new DockerRules.Mapping("172.17.0.2", 8080, 80)), List.of(443), false, true, true));
  }

  @Test
  void fullFormEqualsTheResearchedDocker28SwarmFixture() throws IOException {
    String fixture;
    try (InputStream in = DockerRulesTest.class.getResourceAsStream("docker28-swarm-fixture.rules")) {
      fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String withoutComments = fixture.lines().filter(l -> !l.startsWith("#"))
        .collect(Collectors.joining("\n", "", "\n"));

    assertEquals(withoutComments, fixtureOptions().fullV4());
  }

  @Test
  void startOnAnEmptyHostCreatesDockerUserAndInsertsTheJumps() {
    String tx = fixtureOptions().startV4("");

    assertTrue(tx.contains(":DOCKER-USER - [0:0]\n"), tx);
    assertTrue(tx.contains(":FORWARD DROP [0:0]\n"), tx);
    assertTrue(tx.contains("-I FORWARD 1 -j DOCKER-FORWARD\n-I FORWARD 1 -j DOCKER-USER\nCOMMIT"), tx);
    assertTrue(tx.contains("-I INPUT 1 -p udp -m policy"), tx);
    assertFalse(tx.contains("-D "), tx);
  }

  @Test
  void startOnAHostWithDockerUserKeepsItAndMovesExistingJumps() {
    String current = String.join("\n",
        "*filter",
        ":INPUT ACCEPT [0:0]",
        ":FORWARD ACCEPT [0:0]",
        ":OUTPUT ACCEPT [0:0]",
        ":DOCKER-USER - [0:0]",
        "-A FORWARD -j DOCKER-USER",
        "-A FORWARD -j DOCKER-USER",
        "-A DOCKER-USER -j SWFW-DOCKER-USER",
        "COMMIT", "");

    String tx = fixtureOptions().startV4(current);

    assertFalse(tx.contains(":DOCKER-USER"), tx);
    assertFalse(tx.contains("SWFW"), tx);
    assertTrue(tx.contains("-D FORWARD -j DOCKER-USER\n-D FORWARD -j DOCKER-USER\n-I FORWARD 1 -j DOCKER-USER\n"), tx);
  }

  @Test
  void dockerUpTo28Point2EndsDockerUserWithReturnInBothFamilies() {
    DockerRules old = new DockerRules(new DockerRules.Options(
        List.of(new DockerRules.Mapping("172.17.0.2", 8080, 80)), List.of(), true, false, true));

    assertTrue(old.fullV4().contains("-A DOCKER-USER -j RETURN\n"));
    assertTrue(old.fullV6().contains("-A DOCKER-USER -j RETURN\n"));
    assertFalse(old.fullV4().contains("DOCKER-INGRESS"));
    assertFalse(old.fullV4().contains("*mangle"));
  }
}
