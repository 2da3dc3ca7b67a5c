package swfw.compiler.ir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.diag.Diagnostics;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.check.Codes;
import swfw.dsl.check.Match;
import swfw.dsl.check.Resolved;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * Builds the intermediate policy: for each node role, the global statements and the role's own in
 * source order, interfaces resolved, each rule split into the families its addresses allow.
 */
public final class IrBuilder {
  public static final String NO_GUARDED_INTERFACE = "SW3001";

  private final Diagnostics diags;

  private IrBuilder(Diagnostics diags) {
    this.diags = diags;
  }

  public static PolicyIr build(CheckedPolicy policy, Diagnostics diags) {
    IrBuilder b = new IrBuilder(diags);
    List<NodeIr> nodes = new ArrayList<>();
    for (String role : policy.roles()) {
      nodes.add(b.node(role, policy.statements()));
    }
    return new PolicyIr(policy.root(), nodes, policy.hosts());
  }

  private NodeIr node(String role, List<Resolved> statements) {
    List<Resolved> mine = statementsOf(role, statements);
    Map<String, Guard> guarded = new LinkedHashMap<>();
    Map<String, Guard> trusted = new LinkedHashMap<>();
    interfaces(mine, guarded, trusted);
    reportGuardedAndTrusted(role, guarded, trusted);
    List<RuleIr> rules = new ArrayList<>();
    List<ExpectIr> expectations = new ArrayList<>();
    List<String> allGuarded = List.copyOf(guarded.keySet());
    boolean warned = false;
    for (Resolved s : mine) {
      if (!(s instanceof Resolved.Filter f)) {
        continue;
      }
      if (f.verb().isExpectation()) {
        expectations.add(new ExpectIr(role, f));
        continue;
      }
      List<String> ifaces = f.match().ifaces().isEmpty() ? allGuarded : f.match().ifaces();
      if (ifaces.isEmpty() && !warned) {
        warned = true;
        diags.warning(NO_GUARDED_INTERFACE, f.span(), "node '" + role + "' has no guarded interface, so this rule filters nothing",
            "declare one with 'public eth0;' or name it in the rule: 'on eth0'");
      }
      split(f, ifaces, rules);
    }
    return new NodeIr(role, List.copyOf(guarded.values()), List.copyOf(trusted.values()), rules, expectations);
  }

  /** The global statements and the role's own, in source order. */
  private static List<Resolved> statementsOf(String role, List<Resolved> statements) {
    List<Resolved> mine = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      Resolved s = statements.get(i);
      if (s.role().isEmpty() || s.role().get().equals(role)) {
        mine.add(s);
      }
    }
    return mine;
  }

  /** The guarded and the trusted interfaces, each with the first statement that named it. */
  private static void interfaces(List<Resolved> statements, Map<String, Guard> guarded, Map<String, Guard> trusted) {
    for (Resolved s : statements) {
      if (s instanceof Resolved.Interfaces i) {
        for (String name : i.names()) {
          (i.guarded() ? guarded : trusted).putIfAbsent(name, new Guard(name, i.span()));
        }
      } else if (s instanceof Resolved.Filter f && !f.outbound() && !f.verb().isExpectation()) {
        // Naming an interface in 'allow … on IFACE' guards it for this node, as 'public' does.
        List<String> names = f.match().ifaces();
        for (int i = 0; i < names.size(); i++) {
          if (!guarded.containsKey(names.get(i))) {
            guarded.put(names.get(i), new Guard(names.get(i), f.span()));
          }
        }
      }
    }
  }

  private void reportGuardedAndTrusted(String role, Map<String, Guard> guarded, Map<String, Guard> trusted) {
    for (Guard g : guarded.values()) {
      Guard t = trusted.get(g.iface());
      if (t != null) {
        diags.error(Codes.GUARDED_AND_TRUSTED, t.span(), "interface '" + g.iface() + "' is both trusted and guarded on node '"
            + role + "'", "note: guarded at " + g.span(), "a trusted interface is unrestricted; remove one of the two");
      }
    }
  }

  /**
   * One IR rule per family the rule can match in. A rule that lands in no family (an empty set, or
   * addresses of no family its protocol has) yields no IR rule: {@code swfw.compiler.lint} reports it.
   */
  private static void split(Resolved.Filter f, List<String> ifaces, List<RuleIr> out) {
    Match m = f.match();
    List<Family> families = families(m);
    for (int i = 0; i < families.size(); i++) {
      Family family = families.get(i);
      List<Cidr> from = m.from().isPresent() ? only(m.from().get(), family) : List.of();
      List<Cidr> to = m.to().isPresent() ? only(m.to().get(), family) : List.of();
      if (m.from().isPresent() && from.isEmpty() || m.to().isPresent() && to.isEmpty()) {
        continue; // it does not land in this family (see landsIn)
      }
      out.add(new RuleIr(f.span(), direction(f), verdict(f.verb()), family, ifaces, m.protocol(), m.ports(),
          m.icmpTypes(), anyIfWhole(from), anyIfWhole(to), m.limit(), f.comment()));
    }
  }

  /** The families a match lands in: those of its protocol for which its 'from' and 'to' hold an address. */
  public static Set<Family> landsIn(Match m) {
    Set<Family> out = EnumSet.noneOf(Family.class);
    for (Family family : families(m)) {
      boolean noFrom = m.from().map(l -> only(l, family).isEmpty()).orElse(false);
      boolean noTo = m.to().map(l -> only(l, family).isEmpty()).orElse(false);
      if (!noFrom && !noTo) {
        out.add(family);
      }
    }
    return out;
  }

  private static final List<Family> V4 = List.of(Family.V4);
  private static final List<Family> V6 = List.of(Family.V6);
  private static final List<Family> BOTH = List.of(Family.values());

  static List<Family> families(Match m) {
    if (m.protocol() == Protocol.ICMP) {
      return V4;
    }
    if (m.protocol() == Protocol.ICMPV6) {
      return V6;
    }
    return BOTH;
  }

  /** A list holding 0.0.0.0/0 or ::/0 restricts nothing: the empty list, as iptables-save prints it. */
  private static List<Cidr> anyIfWhole(List<Cidr> cidrs) {
    for (int i = 0; i < cidrs.size(); i++) {
      if (cidrs.get(i).isAny()) {
        return List.of();
      }
    }
    return cidrs;
  }

  /**
   * The addresses of one family. Indexed loops, not streams or even for-each: this runs for every rule
   * of a big policy, and swfw runs on C1, which allocates every iterator (it has no escape analysis).
   */
  private static List<Cidr> only(List<Cidr> cidrs, Family family) {
    int count = 0;
    for (int i = 0; i < cidrs.size(); i++) {
      count += cidrs.get(i).family() == family ? 1 : 0;
    }
    if (count == cidrs.size()) {
      return cidrs;
    }
    if (count == 0) {
      return List.of();
    }
    List<Cidr> out = new ArrayList<>(count);
    for (int i = 0; i < cidrs.size(); i++) {
      if (cidrs.get(i).family() == family) {
        out.add(cidrs.get(i));
      }
    }
    return List.copyOf(out);
  }

  private static Direction direction(Resolved.Filter f) {
    if (f.verb() == Resolved.Verb.PUBLISH) {
      return Direction.PUBLISHED;
    }
    return f.outbound() ? Direction.OUTBOUND : Direction.INBOUND;
  }

  private static Verdict verdict(Resolved.Verb verb) {
    return switch (verb) {
      case DENY -> Verdict.DROP;
      case REJECT -> Verdict.REJECT;
      default -> Verdict.ACCEPT;
    };
  }
}
