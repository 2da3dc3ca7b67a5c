package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar ./swfw runs: swfw and its parser alone, the SSH stack in lib/swfw-ssh.jar, found through Class-Path. */
class CliJarTest {
  private static final Path JAR = Path.of("..", "cli", "target", "swfw.jar").toAbsolutePath().normalize();

  @Test
  void holdsNoSshClasses() throws IOException {
    assumeTrue(Files.exists(JAR), "the CLI jar is built by 'mvn package' of the cli module: " + JAR);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals("lib/swfw-ssh.jar", jar.getManifest().getMainAttributes().getValue("Class-Path"));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/bouncycastle/")
          || e.getName().startsWith("net/schmizz/") || e.getName().startsWith("com/hierynomus/")));
    }
  }

  @Test
  void loadsTheSshStackThroughItsClassPath() throws Exception {
    assumeTrue(Files.exists(JAR), "the CLI jar is built by 'mvn package' of the cli module: " + JAR);
    try (URLClassLoader onlyTheJar = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : new String[] {"swfw.cli.Main", "net.schmizz.sshj.SSHClient",
          "org.bouncycastle.jce.provider.BouncyCastleProvider", "org.slf4j.LoggerFactory"}) {
        Class<?> c = Class.forName(name, false, onlyTheJar);
        assertEquals(onlyTheJar, c.getClassLoader(), name);
      }
    }
  }
}
