package swfw.compiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import swfw.compiler.check.LimitTooSlowForLegacy;
import swfw.compiler.ir.IrBuilder;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.PolicyIr;
import swfw.compiler.iptables.Ruleset;
import swfw.compiler.iptables.RulesetBuilder;
import swfw.diag.Diagnostics;
import swfw.diag.Span;
import swfw.dsl.TwoThreads;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.value.Family;

/** Checked policy → backend checks → intermediate policy → rulesets. Later passes never run after errors. */
public final class Compiler {
  private Compiler() {}

  public static Optional<CompiledPolicy> compile(CheckedPolicy policy, Diagnostics diags) {
    int before = diags.errorCount();
    LimitTooSlowForLegacy.check(policy, diags);
    PolicyIr ir = IrBuilder.build(policy, diags);
    if (diags.errorCount() > before) {
      return Optional.empty();
    }
    List<CompiledNode> nodes = new ArrayList<>();
    for (NodeIr node : ir.nodes()) {
      nodes.add(lower(node, policy.root()));
    }
    return Optional.of(new CompiledPolicy(fileName(policy.root()), ir, nodes));
  }

  /** Rules of a node above which its IPv6 ruleset is built on a second thread while IPv4's is. */
  static final int PARALLEL_THRESHOLD = 4096;

  /** Both families' rulesets of a node; the two builds share nothing, so a big node's run at once. */
  private static CompiledNode lower(NodeIr node, Path root) {
    if (node.rules().size() < PARALLEL_THRESHOLD) {
      Function<Span, String> location = locations(root);
      return new CompiledNode(node.role(), RulesetBuilder.build(node, Family.V4, location),
          RulesetBuilder.build(node, Family.V6, location));
    }
    TwoThreads.Both<Ruleset, Ruleset> both = TwoThreads.run("swfw-lower-v6",
        () -> RulesetBuilder.build(node, Family.V4, locations(root)),
        () -> RulesetBuilder.build(node, Family.V6, locations(root)));
    return new CompiledNode(node.role(), both.here(), both.there());
  }

  /** {@code cluster.swfw:12}, or {@code inc/web.swfw:3} for an included file: stable wherever swfw runs. */
  public static Function<Span, String> locations(Path root) {
    Path dir = root.toAbsolutePath().normalize().getParent();
    // Every rule asks: resolve each file's name once, not once per rule. Concurrent: the rules files of
    // a big policy are written on two threads, and each makes most of its rules as it writes them.
    Map<Path, String> prefixes = new ConcurrentHashMap<>();
    return span -> {
      String prefix = prefixes.get(span.file());
      if (prefix == null) {
        prefix = name(dir, span.file()) + ":";
        prefixes.put(span.file(), prefix);
      }
      // concat sizes the result once; '+' here (-XDstringConcat=inline) would grow a StringBuilder twice.
      return prefix.concat(Integer.toString(span.line()));
    };
  }

  private static String name(Path dir, Path source) {
    Path file = source.toAbsolutePath().normalize();
    String name = dir != null && file.startsWith(dir) ? dir.relativize(file).toString() : String.valueOf(file.getFileName());
    return name.replace('\\', '/');
  }

  private static String fileName(Path root) {
    Path name = root.getFileName();
    return name == null ? root.toString() : name.toString();
  }
}
