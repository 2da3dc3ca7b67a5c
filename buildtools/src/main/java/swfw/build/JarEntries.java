package swfw.build;

import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** How the jar tools write an entry: under its old name and time, with the given bytes. */
final class JarEntries {
  private JarEntries() {}

  static void put(ZipOutputStream out, ZipEntry like, byte[] bytes) throws IOException {
    ZipEntry copy = new ZipEntry(like.getName());
    copy.setTime(like.getTime());
    out.putNextEntry(copy);
    out.write(bytes);
    out.closeEntry();
  }
}
