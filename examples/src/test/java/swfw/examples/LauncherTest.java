package swfw.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./swfw} rebuilds the CLI exactly when a source changed: run on a copy of the launcher in a
 * small tree of the same shape, with a stand-in {@code mvn} that only records the build and a
 * stand-in JDK whose {@code java} only records the run (no archive: SWFW_ARCHIVE=off).
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "swfw").toAbsolutePath().normalize();
  private static final List<String> MODULES = List.of("grammar", "dsl", "compiler", "runtime", "buildtools", "cli");
  private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");
  private static final Instant BEFORE = BUILT.minusSeconds(3600);
  private static final Instant AFTER = BUILT.plusSeconds(3600);

  @TempDir Path repo;
  private Path jar;
  private Path log;

  @BeforeEach
  void tree() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
    Files.copy(LAUNCHER, repo.resolve("swfw"));
    log = repo.resolve("log");
    Files.createFile(log);
    script(repo.resolve("bin/mvn"), "echo build >>" + log + "\ntouch " + repo.resolve("cli/target/swfw.jar"));
    script(repo.resolve("jdk/bin/java"), "echo run >>" + log + "\necho \"$1\" >" + repo.resolve("first-flag"));
    Files.writeString(repo.resolve("jdk/release"), "JAVA_VERSION=\"17.0.9\"\n");
    source(repo.resolve("pom.xml"));
    for (String module : MODULES) {
      source(repo.resolve(module).resolve("pom.xml"));
      source(repo.resolve(module).resolve("src/main/java/swfw/A.java"));
    }
    // As after a checkout and a build: every source file and folder older than the jar.
    try (Stream<Path> paths = Files.walk(repo)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setLastModifiedTime(p, FileTime.from(BEFORE));
      }
    }
    jar = repo.resolve("cli/target/swfw.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
  }

  @Test
  void runsWithoutBuildingWhenNothingChanged() throws Exception {
    assertEquals(List.of("run"), launch());
    assertTrue(Files.exists(repo.resolve("cli/target/sources.list")), "the first check lists the sources");
    assertEquals(List.of("run", "run"), launch(), "the listed sources are checked the same");
  }

  @Test
  void buildsWhenAListedFileWasEdited() throws Exception {
    launch();
    Files.setLastModifiedTime(repo.resolve("dsl/src/main/java/swfw/A.java"), FileTime.from(AFTER));
    assertEquals(List.of("run", "build", "run"), launch());
  }

  @Test
  void buildsWhenAFileWasAddedOrRemovedAfterTheListWasWritten() throws Exception {
    launch();
    Path added = repo.resolve("compiler/src/main/java/swfw/B.java");
    Files.writeString(added, "class B {}");
    Files.setLastModifiedTime(added, FileTime.from(BEFORE)); // an old file moved in: only its folder is new
    Files.setLastModifiedTime(added.getParent(), FileTime.from(AFTER));
    assertEquals(List.of("run", "build", "run"), launch());

    launch(); // the build's jar is newer than the list: find checks, and lists the sources again
    Files.delete(added);
    Files.setLastModifiedTime(added.getParent(), FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(List.of("run", "build", "run", "run", "build", "run"), launch());
  }

  @Test
  void runsASmallPolicyInTheInterpreterAlone() throws Exception {
    Files.writeString(repo.resolve("small.swfw"), "public eth0;\nnode worker allow tcp 22;\n");
    assertEquals("-Xint", firstFlag("compile", "-o", "out", "small.swfw"));
    assertEquals("-Xint", firstFlag("check", "--strict", "small.swfw"));
  }

  @Test
  void compilesTheCodeOfABigPolicyOrOneWithIncludesOrFromStandardInput() throws Exception {
    Files.writeString(repo.resolve("big.swfw"), "allow tcp 22 from 10.0.0.1;\n".repeat(200));
    Files.writeString(repo.resolve("includes.swfw"), "include \"big.swfw\";\n");
    Files.writeString(repo.resolve("small.swfw"), "public eth0;\n");
    assertEquals("-XX:TieredStopAtLevel=1", firstFlag("compile", "big.swfw"));
    assertEquals("-XX:TieredStopAtLevel=1", firstFlag("check", "includes.swfw"));
    assertEquals("-XX:TieredStopAtLevel=1", firstFlag("check", "small.swfw", "big.swfw"));
    assertEquals("-XX:TieredStopAtLevel=1", firstFlag("compile", "-"));
    assertEquals("-XX:TieredStopAtLevel=1", firstFlag("fmt", "small.swfw"));
  }

  @Test
  void buildsWhenTheJarIsMissing() throws Exception {
    Files.delete(jar);
    assertEquals(List.of("build", "run"), launch());
  }

  private String firstFlag(String... args) throws IOException, InterruptedException {
    launch(args);
    return Files.readString(repo.resolve("first-flag")).strip();
  }

  private List<String> launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/bin/bash", repo.resolve("swfw").toString()));
    command.addAll(args.length == 0 ? List.of("check", "x.swfw") : List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(repo.toFile())
        .redirectErrorStream(true)
        .redirectOutput(repo.resolve("output").toFile());
    pb.environment().put("PATH", repo.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("JAVA_HOME", repo.resolve("jdk").toString());
    pb.environment().put("SWFW_ARCHIVE", "off");
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ends");
    assertEquals(0, p.exitValue(), () -> output());
    return Files.readAllLines(log);
  }

  private String output() {
    try {
      return Files.readString(repo.resolve("output"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static void source(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "source");
  }

  private static void script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/bash\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
