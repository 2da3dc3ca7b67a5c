package swfw.compiler.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.Guard;
import swfw.compiler.ir.NodeIr;
import swfw.compiler.ir.RuleIr;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;
import swfw.diag.Span;
import swfw.dsl.check.Resolved;

/**
 * SW4010: a {@code publish} on a node whose interface is not guarded by a {@code public} statement or a
 * rule. Without any guarded interface the publish does nothing (Docker's published ports are open to
 * everyone there anyway); an interface that only the publish's own {@code on} guards has, as a side
 * effect, all other inbound traffic to the host dropped.
 */
final class PublishWithoutGuard implements Lint {
  static final String CODE = "SW4010";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "a 'publish' on a node whose interface is not guarded";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    Map<Span, Set<String>> unguarded = new LinkedHashMap<>();
    Map<Span, Set<String>> guardedByItself = new LinkedHashMap<>();
    Map<Optional<String>, Set<String>> named = guardedByStatements(policy);
    for (NodeIr node : policy.compiled().ir().nodes()) {
      Map<Span, List<Guard>> guards = new HashMap<>();
      node.guarded().forEach(g -> guards.computeIfAbsent(g.span(), s -> new ArrayList<>()).add(g));
      for (RuleIr r : node.rules()) {
        if (r.direction() != Direction.PUBLISHED) {
          continue;
        }
        if (node.guarded().isEmpty()) {
          unguarded.computeIfAbsent(r.span(), s -> new LinkedHashSet<>()).add(node.role());
        }
        for (Guard g : guards.getOrDefault(r.span(), List.of())) {
          if (!guardedOtherwise(named, node.role(), g.iface())) {
            guardedByItself.computeIfAbsent(r.span(), s -> new LinkedHashSet<>()).add(g.iface());
          }
        }
      }
    }
    unguarded.forEach((span, roles) -> out.add(Diagnostic.warning(CODE, span, "this publish does nothing: node"
        + (roles.size() > 1 ? "s " : " ") + quoted(roles) + (roles.size() > 1 ? " have" : " has")
        + " no guarded interface, so Docker's published ports are open to everyone there",
        "declare the public interface: 'public eth0;'")));
    guardedByItself.forEach((span, ifaces) -> out.add(Diagnostic.warning(CODE, span, "only this publish guards "
        + quoted(ifaces) + ": inbound traffic to the host on " + (ifaces.size() > 1 ? "them" : "it")
        + " is now dropped unless a rule allows it",
        "declare it if that is intended: 'public " + String.join(", ", ifaces) + ";'")));
  }

  /**
   * The interfaces a 'public' statement or an inbound rule names, by the role of its node block (empty:
   * every node's).
   */
  private static Map<Optional<String>, Set<String>> guardedByStatements(LintContext policy) {
    Map<Optional<String>, Set<String>> out = new HashMap<>();
    for (Resolved r : policy.checked().statements()) {
      if (r instanceof Resolved.Interfaces i && i.guarded()) {
        out.computeIfAbsent(r.role(), x -> new HashSet<>()).addAll(i.names());
      }
      if (r instanceof Resolved.Filter f && !f.outbound() && !f.verb().isExpectation()
          && f.verb() != Resolved.Verb.PUBLISH) {
        out.computeIfAbsent(r.role(), x -> new HashSet<>()).addAll(f.match().ifaces());
      }
    }
    return out;
  }

  /** Whether a 'public' statement or an inbound rule of the node names {@code iface}. */
  private static boolean guardedOtherwise(Map<Optional<String>, Set<String>> named, String role, String iface) {
    return named.getOrDefault(Optional.empty(), Set.of()).contains(iface)
        || named.getOrDefault(Optional.of(role), Set.of()).contains(iface);
  }

  private static String quoted(Set<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
