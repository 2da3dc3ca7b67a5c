package swfw.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentClientTest {
  @Test
  void filesTravelInOneStreamEachAfterItsNonceMarkedHeader() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("apply.v4", "*filter\nCOMMIT\n");
    files.put("rules.v4", "no newline at the end");
    assertEquals("--- swfw-file 00ff00ff apply.v4\n*filter\nCOMMIT\n--- swfw-file 00ff00ff rules.v4\n"
        + "no newline at the end\n", new AgentClient("00ff00ff").bundle(files));
  }

  @Test
  void noncesAreHexSoTheyAreSafeInShellCommandsAndFileNames() {
    assertThrows(IllegalArgumentException.class, () -> new AgentClient("abc; rm -rf /"));
    assertTrue(AgentClient.withRandomNonce().nonce().matches("[0-9a-f]{16}"));
  }

  @Test
  void beginSeparatesFactsFromTheTwoSaves() {
    Begin b = Begin.parse("agent=1\nbackend=nft\npersisted-v4=none\n--- iptables-save\n*filter\n:INPUT ACCEPT [0:0]\n"
        + "COMMIT\n--- ip6tables-save\n*filter\nCOMMIT\n--- end\n");
    assertEquals("nft", b.fact("backend"));
    assertEquals("none", b.fact("persisted-v4"));
    assertEquals("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n", b.save4());
    assertEquals("*filter\nCOMMIT\n", b.save6());
  }

  @Test
  void theAgentScriptShipsWithTheRuntime() {
    String script = AgentScript.text();
    assertTrue(script.startsWith("#!/bin/sh\n"));
    assertTrue(script.contains("setsid sh \"$agent\" timer"), "the rollback timer leaves the SSH session");
  }

  @Test
  void theAgentScriptIsValidPosixSh() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("agent", ".sh");
    try {
      java.nio.file.Files.writeString(f, AgentScript.text());
      Process p = new ProcessBuilder("sh", "-n", f.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), out);
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
