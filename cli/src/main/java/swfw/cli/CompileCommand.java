package swfw.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.compiler.CompiledNode;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.explain.Expectations;
import swfw.compiler.iptables.Forms;
import swfw.compiler.iptables.IpSet;
import swfw.compiler.iptables.IptablesText;
import swfw.compiler.iptables.Ruleset;
import swfw.compiler.text.UnifiedDiff;
import swfw.compiler.text.Utf8Buffer;
import swfw.dsl.Frontend;
import swfw.dsl.TwoThreads;
import swfw.dsl.value.Family;

@Command(name = "compile", description = {
    "Compile a policy to iptables-restore files, DIR/<node>.rules.v4 and DIR/<node>.rules.v6 per node role.",
    "Without -o the files go to standard output, each after a '# ==> NAME <==' line."},
    footer = ExitCodes.HELP)
final class CompileCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The streams when {@link QuickStart} runs this command without picocli; else those of {@link #spec}. */
  PrintWriter quickOut;
  PrintWriter quickErr;

  @Parameters(paramLabel = "FILE", description = "The policy file.")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the files into DIR.")
  Path outputDir;

  @Option(names = "--node", paramLabel = "ROLE", description = "Only this node role.")
  String node;

  @Option(names = "--stdout", description = "Print the files instead of writing them.")
  boolean stdout;

  @Option(names = "--live", description = "The live form (iptables-restore --noflush on a running host) "
      + "instead of the boot form (/etc/iptables/rules.v4|v6, loaded before Docker starts).")
  boolean live;

  @Option(names = "--check", description = "Write nothing; compare with the files in DIR and exit 1 with a "
      + "unified diff when they differ (for CI approval of policy changes).")
  boolean check;

  @Option(names = "--strict", description = "Warnings fail the compile too.")
  boolean strict;

  @Option(names = "--no-expect", description = "Write the files even when an expect statement fails.")
  boolean noExpect;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = err();
    if (check && outputDir == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--check needs -o DIR to compare with");
    }
    Frontend front = Frontend.run(file);
    int code = Reporter.report(front, err, strict);
    if (code != ExitCodes.OK || front.policy().isEmpty()) {
      return ExitCodes.POLICY;
    }
    swfw.diag.Diagnostics diags = new swfw.diag.Diagnostics();
    Optional<CompiledPolicy> compiled = Compiler.compile(front.policy().get(), diags);
    err.print(front.renderer().renderAll(diags.sorted()));
    if (compiled.isEmpty() || strict && diags.warningCount() > 0) {
      return ExitCodes.POLICY;
    }
    if (!noExpect) {
      var failures = Expectations.check(compiled.get(), Compiler.locations(file));
      if (!failures.isEmpty()) {
        err.print(front.renderer().renderAll(failures));
        err.println("swfw: " + failures.size() + " expectation(s) failed: nothing written");
        return ExitCodes.POLICY;
      }
    }
    List<Output> files = files(compiled.get());
    if (check) {
      return compare(files);
    }
    if (outputDir == null || stdout) {
      print(files);
      return ExitCodes.OK;
    }
    if (!Files.isDirectory(outputDir)) {
      Files.createDirectories(outputDir); // on an existing folder it throws and catches an exception first
    }
    List<List<Output>> halves = halves(files);
    if (halves.get(1).isEmpty()) {
      write(files);
    } else {
      TwoThreads.run("swfw-write", () -> write(halves.get(0)), () -> write(halves.get(1)));
    }
    return ExitCodes.OK;
  }

  /** About the bytes of one line of a rules file: a source address, a port and a comment naming the line. */
  private static final int RULE_BYTES = 128;

  /** Bytes above which the files are written on two threads: a big policy's files take a while each. */
  private static final int PARALLEL_THRESHOLD = 4096 * RULE_BYTES;

  /**
   * The files in two lists of about the same size, each file into the lighter one (one node's two rules
   * files, or a blocklist's sets against everything else); the second is empty for a small policy.
   */
  private static List<List<Output>> halves(List<Output> files) {
    List<List<Output>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    long[] bytes = new long[2];
    for (Output f : files) {
      int lighter = bytes[0] <= bytes[1] ? 0 : 1;
      halves.get(lighter).add(f);
      bytes[lighter] += f.size();
    }
    return bytes[0] + bytes[1] < PARALLEL_THRESHOLD ? List.of(files, List.of()) : halves;
  }

  private Void write(List<Output> files) throws IOException {
    for (Output f : files) {
      writeIfChanged(outputDir.resolve(f.name()), f);
    }
    return null;
  }

  /** One file of the output. */
  private interface Output {
    String name();

    /** Appends the file's bytes. */
    void write(Utf8Buffer out);

    /** A guess at the file's size, so a big file's buffer is allocated once. */
    int size();

    default Utf8Buffer bytes() {
      Utf8Buffer b = new Utf8Buffer(size());
      write(b);
      return b;
    }
  }

  private record RulesFile(String name, Ruleset rules, Forms.Form form, String policyName) implements Output {
    @Override
    public void write(Utf8Buffer out) {
      Forms.write(out, rules, form, policyName);
    }

    @Override
    public int size() {
      return 4096 + rules.ruleCount() * RULE_BYTES;
    }
  }

  private record SetsFile(String name, List<IpSet> sets) implements Output {
    @Override
    public void write(Utf8Buffer out) {
      IptablesText.appendIpsetRestore(out, sets);
    }

    @Override
    public int size() {
      return 4096 + sets.stream().mapToInt(s -> s.members().size() * 32).sum();
    }
  }

  private List<Output> files(CompiledPolicy policy) {
    if (node != null && policy.node(node).isEmpty()) {
      throw new UserError(ExitCodes.USAGE, "no node role '" + node + "' in " + file + " (roles: "
          + String.join(", ", policy.nodes().stream().map(CompiledNode::role).toList()) + ")");
    }
    Forms.Form form = live ? Forms.Form.LIVE : Forms.Form.BOOT;
    List<Output> files = new ArrayList<>();
    for (CompiledNode n : policy.nodes()) {
      if (node != null && !n.role().equals(node)) {
        continue;
      }
      List<IpSet> sets = new ArrayList<>(n.v4().sets());
      sets.addAll(n.v6().sets());
      if (!sets.isEmpty()) {
        files.add(new SetsFile(n.role() + ".ipset", sets));
      }
      for (Family f : Family.values()) {
        files.add(new RulesFile(n.role() + "." + Forms.fileName(f), n.ruleset(f), form, policy.policyName()));
      }
    }
    return files;
  }

  private void print(List<Output> files) throws IOException {
    PrintWriter out = out();
    boolean several = files.size() > 1;
    for (Output f : files) {
      if (several) {
        out.print("# ==> " + f.name() + " <==\n");
      }
      out.print(f.bytes().toString());
    }
    out.flush();
  }

  private int compare(List<Output> files) throws IOException {
    PrintWriter out = out();
    int differing = 0;
    for (Output f : files) {
      Path path = outputDir.resolve(f.name());
      String old = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
      String diff = UnifiedDiff.diff(Files.exists(path) ? path.toString() : "/dev/null",
          path + " (compiled)", old, f.bytes().toString());
      if (!diff.isEmpty()) {
        differing++;
        out.print(diff);
      }
    }
    out.flush();
    if (differing > 0) {
      err().println("swfw: " + differing + " file(s) in " + outputDir
          + " differ from the policy: run 'swfw compile " + file + " -o " + outputDir + "' and commit the result");
      return ExitCodes.POLICY;
    }
    return ExitCodes.OK;
  }

  /** Written beside the file and moved over it; a file whose bytes would not change is left alone. */
  private static void writeIfChanged(Path path, Output output) throws IOException {
    Utf8Buffer bytes = output.bytes();
    if (Files.exists(path) && Files.size(path) == bytes.length() && bytes.sameAs(Files.readAllBytes(path))) {
      return;
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      bytes.writeTo(out);
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private PrintWriter out() {
    return quickOut != null ? quickOut : spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return quickErr != null ? quickErr : spec.commandLine().getErr();
  }
}
