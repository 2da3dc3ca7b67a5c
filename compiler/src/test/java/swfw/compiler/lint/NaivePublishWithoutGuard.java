package swfw.compiler.lint;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * SW4010 as first written, every 'public' statement and rule read again per guard of each publish:
 * quadratic, and the oracle {@link PublishWithoutGuard} must agree with.
 */
final class NaivePublishWithoutGuard implements Lint {
  static final String CODE = PublishWithoutGuard.CODE;

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
    for (NodeIr node : policy.compiled().ir().nodes()) {
      for (RuleIr r : node.rules()) {
        if (r.direction() != Direction.PUBLISHED) {
          continue;
        }
        if (node.guarded().isEmpty()) {
          unguarded.computeIfAbsent(r.span(), s -> new LinkedHashSet<>()).add(node.role());
        }
        for (Guard g : node.guarded()) {
          if (g.span().equals(r.span()) && !guardedOtherwise(policy, node.role(), g.iface())) {
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

  /** Whether a 'public' statement or an inbound rule of the node names {@code iface}. */
  private static boolean guardedOtherwise(LintContext policy, String role, String iface) {
    for (Resolved r : policy.checked().statements()) {
      if (r.role().isPresent() && !r.role().get().equals(role)) {
        continue;
      }
      if (r instanceof Resolved.Interfaces i && i.guarded() && i.names().contains(iface)) {
        return true;
      }
      if (r instanceof Resolved.Filter f && !f.outbound() && !f.verb().isExpectation()
          && f.verb() != Resolved.Verb.PUBLISH && f.match().ifaces().contains(iface)) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(Set<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
