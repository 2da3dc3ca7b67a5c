package swfw.compiler.lint;

import org.approvaltests.reporters.QuietReporter;

/** ApprovalTests configuration: never open a diff tool (CI has none); the failure message shows the files. */
public class PackageSettings {
  public static final QuietReporter UseReporter = QuietReporter.INSTANCE;
}
