package swfw.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Moves the entries of a jar under the given prefixes into a second jar, {@code lib/NAME} beside it,
 * and names that jar in the first one's {@code Class-Path}, in place.
 *
 * <p>swfw's jar holds its SSH stack (sshj, Bouncy Castle: 7,000 of its 9,000 entries), which only the
 * deploy verbs use. The JVM reads the whole table of contents of every jar it opens at start-up, and
 * opens a {@code Class-Path} jar only when a class is not found before it: {@code check} and
 * {@code compile} never open the SSH jar. The classes themselves are not changed.
 */
public final class SplitJar {
  private SplitJar() {}

  /** @param args the jar, the name of the jar to create in {@code lib/} beside it, then the entry prefixes to move */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: SplitJar JAR LIBNAME PREFIX...");
    }
    Path jar = Path.of(args[0]);
    Path lib = jar.resolveSibling("lib").resolve(args[1]);
    List<String> prefixes = List.of(args).subList(2, args.length);
    Files.createDirectories(lib.getParent());
    Path tmp = jar.resolveSibling(jar.getFileName() + ".split");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream kept = new ZipOutputStream(Files.newOutputStream(tmp));
        ZipOutputStream moved = new ZipOutputStream(Files.newOutputStream(lib))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(JarFile.MANIFEST_NAME)) {
          JarEntries.put(kept, e, withClassPath(in, "lib/" + args[1]));
        } else {
          JarEntries.put(moves(e.getName(), prefixes) ? moved : kept, e, in.readAllBytes());
        }
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Under a prefix, or a multi-release version of an entry under one. */
  static boolean moves(String name, List<String> prefixes) {
    String unversioned = name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/[0-9]+/", "") : name;
    for (String prefix : prefixes) {
      if (unversioned.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] withClassPath(InputStream manifestBytes, String classPath) throws IOException {
    Manifest manifest = new Manifest(manifestBytes);
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    manifest.write(out);
    return out.toByteArray();
  }
}
