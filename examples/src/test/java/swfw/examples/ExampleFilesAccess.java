package swfw.examples;

import java.util.List;

/** The example roots, for test packages outside this one. */
public final class ExampleFilesAccess {
  private ExampleFilesAccess() {}

  public static List<String> roots() {
    return ExampleFiles.ROOTS;
  }
}
