package swfw.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Rewrites the class files of a jar that are older than Java 6 as Java 8 class files with stack map
 * frames, in place; newer class files and every other entry are copied unchanged.
 *
 * <p>picocli is compiled for Java 5 (class file version 49). The JVM verifies such classes with the
 * slow type-inferencing verifier, and neither a class-data-sharing archive (JDK 17
 * {@code -XX:SharedArchiveFile}) nor an AOT cache (JDK 25 {@code -XX:AOTCache}) can hold them, so
 * every start of swfw would parse and verify picocli's ~170 classes from the jar again: about a
 * quarter of swfw's start-up. The bytecode itself is not changed.
 */
public final class ModernizeJar {
  private static final int JAVA_6 = 50;

  private ModernizeJar() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ModernizeJar JAR");
    }
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".modern");
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ModernizeJar.class.getClassLoader());
        ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
      copy(in, out, classes);
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(ZipInputStream in, ZipOutputStream out, ClassLoader classes) throws IOException {
    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      byte[] bytes = in.readAllBytes();
      if (e.getName().endsWith(".class") && isOld(bytes)) {
        bytes = modernize(bytes, classes);
      }
      JarEntries.put(out, e, bytes);
    }
  }

  private static boolean isOld(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0xca && (b[1] & 0xff) == 0xfe && ((b[6] & 0xff) << 8 | b[7] & 0xff) < JAVA_6;
  }

  /** Frames need common superclasses, which the writer finds by loading the jar's classes (not initialising them). */
  static byte[] modernize(byte[] classFile, ClassLoader classes) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return classes;
      }
    };
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        // Java 6+ class files may not hold jsr/ret subroutines: inline them.
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        return new JSRInlinerAdapter(mv, access, name, descriptor, signature, exceptions);
      }
    }, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
