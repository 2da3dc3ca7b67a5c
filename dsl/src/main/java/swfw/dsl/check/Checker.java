package swfw.dsl.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.diag.Diagnostics;
import swfw.diag.Span;
import swfw.dsl.TwoThreads;
import swfw.dsl.ast.Action;
import swfw.dsl.ast.Clause;
import swfw.dsl.ast.Iface;
import swfw.dsl.ast.Item;
import swfw.dsl.ast.Protocol;
import swfw.dsl.ast.Stmt;
import swfw.dsl.ast.Target;
import swfw.dsl.load.LoadedPolicy;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * Resolves names and checks values of a loaded policy. Reports every problem it finds; returns a
 * {@link CheckedPolicy} only when none of them is an error.
 */
public final class Checker {
  /** The role of a policy that declares no node. */
  public static final String DEFAULT_ROLE = "default";
  /** Statements below which a second thread costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 4096;

  private final Diagnostics diags;
  private final Values values;
  private final List<Resolved> out = new ArrayList<>();
  private final Set<String> roles = new LinkedHashSet<>();
  private final Hosts hosts = new Hosts();

  private Checker(Diagnostics diags, Map<String, Stmt.Let> lets) {
    this.diags = diags;
    this.values = new Values(diags, lets);
  }

  public static Optional<CheckedPolicy> check(LoadedPolicy loaded, Diagnostics diags) {
    return check(loaded, diags, PARALLEL_THRESHOLD);
  }

  /** With statements from {@code parallelThreshold} on checked in two halves at once: tests compare. */
  static Optional<CheckedPolicy> check(LoadedPolicy loaded, Diagnostics diags, int parallelThreshold) {
    int before = diags.errorCount();
    int reported = before + diags.warningCount();
    List<Stmt> statements = loaded.statements();
    Map<String, Stmt.Let> lets = collectLets(statements, diags);
    Checker checker = new Checker(diags, lets);
    boolean quiet = diags.errorCount() + diags.warningCount() == reported;
    if (!(quiet && statements.size() >= parallelThreshold && checker.checkedInHalves(statements, lets))) {
      checker = new Checker(diags, lets);
      if (statements.isEmpty()) {
        diags.warning(Codes.EMPTY_POLICY, new Span(loaded.root(), 1, 1, 1), "the policy has no statements",
            "an empty policy compiles to rules that guard nothing");
      }
      checker.checkAll(statements);
    }
    checker.hosts.checkRoles(checker.roles, diags);
    if (diags.errorCount() > before) {
      return Optional.empty();
    }
    List<String> roles = checker.roles.isEmpty() ? List.of(DEFAULT_ROLE) : List.copyOf(checker.roles);
    return Optional.of(new CheckedPolicy(loaded.root(), loaded.sources(), checker.out, roles,
        checker.hosts.entries()));
  }

  private Checker checkAll(List<Stmt> statements) {
    for (Stmt s : statements) {
      statement(s, Optional.empty());
    }
    return this;
  }

  /**
   * A big policy's statements checked in two halves at once, each half with diagnostics of its own, and
   * taken into this checker only when both are clean: at any diagnostic, or a host named in both halves,
   * this returns false and the caller checks the statements in order, which reports everything exactly
   * as before. Why: checking is most of the front end's time on a big policy after parsing by shape.
   */
  private boolean checkedInHalves(List<Stmt> statements, Map<String, Stmt.Let> lets) {
    int half = statements.size() / 2;
    Diagnostics firstDiags = new Diagnostics();
    Diagnostics secondDiags = new Diagnostics();
    TwoThreads.Both<Checker, Checker> halves = TwoThreads.run("swfw-check",
        () -> new Checker(firstDiags, lets).checkAll(statements.subList(0, half)),
        () -> new Checker(secondDiags, lets).checkAll(statements.subList(half, statements.size())));
    boolean clean = firstDiags.errorCount() + firstDiags.warningCount() + secondDiags.errorCount()
        + secondDiags.warningCount() == 0;
    return clean && take(halves.here()) && take(halves.there());
  }

  /** What {@code half} found, after what this checker holds; false when both name one host. */
  private boolean take(Checker half) {
    out.addAll(half.out);
    roles.addAll(half.roles);
    return hosts.takeAll(half.hosts);
  }

  private static Map<String, Stmt.Let> collectLets(List<Stmt> statements, Diagnostics diags) {
    Map<String, Stmt.Let> lets = new HashMap<>();
    for (Stmt s : statements) {
      if (s instanceof Stmt.Let let) {
        Stmt.Let first = lets.putIfAbsent(let.name().text(), let);
        if (first != null) {
          diags.error(Codes.DUPLICATE_DEFINITION, let.name().span(), "'" + let.name().text() + "' is already defined",
              "note: first defined at " + first.name().span());
        }
      }
    }
    return lets;
  }

  private void statement(Stmt s, Optional<String> role) {
    if (s instanceof Stmt.Let let) {
      values.let(let.name().text());
    } else if (s instanceof Stmt.Node node) {
      roles.add(node.name().text());
      Optional<String> nodeRole = Optional.of(node.name().text());
      for (Stmt inner : node.body()) {
        statement(inner, nodeRole);
      }
    } else if (s instanceof Stmt.Host host) {
      hosts.add(host, values, diags);
    } else if (s instanceof Stmt.Public p) {
      out.add(new Resolved.Interfaces(p.span(), role, true, ifaces(p.ifaces())));
    } else if (s instanceof Stmt.Trust t) {
      out.add(new Resolved.Interfaces(t.span(), role, false, ifaces(t.ifaces())));
    } else if (s instanceof Stmt.Rule r) {
      Resolved.Verb verb = r.action() == Action.ALLOW ? Resolved.Verb.ALLOW
          : r.action() == Action.DENY ? Resolved.Verb.DENY : Resolved.Verb.REJECT;
      filter(r.span(), role, verb, r.outbound(), r.target(), r.clauses(), r.comment(), r.commentSpan());
    } else if (s instanceof Stmt.Publish p) {
      filter(p.span(), role, Resolved.Verb.PUBLISH, false, p.target(), p.clauses(), p.comment(), p.commentSpan());
    } else if (s instanceof Stmt.Expect e) {
      Resolved.Verb verb = e.accept() ? Resolved.Verb.EXPECT_ACCEPT : Resolved.Verb.EXPECT_DROP;
      filter(e.span(), role, verb, false, e.target(), e.clauses(), e.comment(), e.commentSpan());
    }
  }

  private void filter(Span span, Optional<String> role, Resolved.Verb verb, boolean outbound, Target target,
      List<Clause> clauses, Optional<String> comment, Optional<Span> commentSpan) {
    int before = diags.errorCount();
    Values.Service service = values.target(target);
    Clauses c = clauses(clauses, verb);
    if (comment.isPresent()) {
      comment(comment.get(), commentSpan.orElse(span));
    }
    if (verb == Resolved.Verb.PUBLISH && (!service.protocol().hasPorts() || service.ports().isEmpty())) {
      diags.error(Codes.PUBLISH_NEEDS_PORTS, target.span(), "'publish' needs tcp or udp ports",
          "write the port the container publishes: 'publish tcp 8080'");
    }
    if (outbound && (verb == Resolved.Verb.PUBLISH)) {
      diags.error(Codes.OUTBOUND_CLAUSE, span, "'publish' cannot be outbound");
    }
    if (diags.errorCount() > before) {
      return;
    }
    Match match = new Match(service.protocol(), service.ports(), service.icmpTypes(), c.ifaces,
        addresses(c.from), addresses(c.to), c.limit);
    checkFamilies(span, target, match);
    checkRequiredIcmpv6(span, verb, match);
    out.add(new Resolved.Filter(span, role, verb, outbound, match, comment));
  }

  /** A statement's clauses, checked; a list of addresses is null when its clause is missing. */
  private static final class Clauses {
    List<String> ifaces = List.of();
    List<Cidr> from;
    List<Cidr> to;
    Optional<Rate> limit = Optional.empty();
  }

  private Clauses clauses(List<Clause> clauses, Resolved.Verb verb) {
    Clauses out = new Clauses();
    int seen = 0;
    // Indexed loops here and below: these run for every rule, and an iterator each would be their garbage.
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i);
      int kind = clauseKind(c);
      if ((seen & kind) != 0) {
        diags.error(Codes.DUPLICATE_CLAUSE, c.span(), "'" + clauseWord(c) + "' is given twice in one statement",
            "list several values in one clause: 'from { a, b }'");
        continue;
      }
      seen |= kind;
      if (c instanceof Clause.On on) {
        out.ifaces = ifaces(on.ifaces());
      } else if (c instanceof Clause.From f) {
        out.from = values.addresses(f.addrs());
      } else if (c instanceof Clause.To t) {
        out.to = values.addresses(t.addrs());
      } else if (c instanceof Clause.Limit l) {
        out.limit = values.rate(l);
        if (verb != Resolved.Verb.ALLOW) {
          diags.error(Codes.LIMIT_ON_DENY, l.span(), "'limit' only applies to 'allow' rules",
              "a limit lets packets through up to a rate; the excess is dropped");
        }
      }
    }
    return out;
  }

  /** One bit per kind of clause, to find a kind given twice without a set per statement. */
  private static int clauseKind(Clause c) {
    if (c instanceof Clause.On) {
      return 1;
    }
    if (c instanceof Clause.From) {
      return 2;
    }
    return c instanceof Clause.To ? 4 : 8;
  }

  /** A clause's addresses as a match holds them: empty when the clause is missing or lets in every address. */
  private static Optional<List<Cidr>> addresses(List<Cidr> cidrs) {
    return cidrs == null ? Optional.empty() : Optional.ofNullable(withoutAny(cidrs));
  }

  /** {@code any} inside an address list widens it to every address: the list then means no restriction. */
  private static List<Cidr> withoutAny(List<Cidr> cidrs) {
    boolean v4 = false;
    boolean v6 = false;
    for (int i = 0; i < cidrs.size(); i++) {
      Cidr c = cidrs.get(i);
      if (c.isAny()) {
        v4 |= c.family() == Family.V4;
        v6 |= c.family() == Family.V6;
      }
    }
    return v4 && v6 ? null : cidrs;
  }

  private void checkFamilies(Span span, Target target, Match m) {
    // Families as bits (V4 = 1, V6 = 2): this runs for every rule, and sets would be its garbage.
    int beforeAddresses = m.protocol() == Protocol.ICMP ? 1 : m.protocol() == Protocol.ICMPV6 ? 2 : 3;
    int afterFrom = m.from().isPresent() ? beforeAddresses & families(m.from().get()) : beforeAddresses;
    int families = m.to().isPresent() ? afterFrom & families(m.to().get()) : afterFrom;
    boolean emptySet = m.from().isPresent() && m.from().get().isEmpty() || m.to().isPresent() && m.to().get().isEmpty();
    if (families == 0 && !emptySet) {
      String why = afterFrom == 0
          ? "'from' holds only " + label(families(m.from().orElseThrow())) + " addresses, but " + m.protocol().keyword()
              + " is " + label(beforeAddresses) + " only"
          : "'from' holds only " + label(afterFrom) + " addresses and 'to' only " + label(families(m.to().orElseThrow()));
      diags.error(Codes.FAMILY_MISMATCH, span, "rule mixes IPv4 and IPv6 so that it matches nothing: " + why,
          "split it into one rule per family");
    }
  }

  private static String label(int families) {
    return families == 1 ? "IPv4" : families == 2 ? "IPv6" : "IPv4 and IPv6";
  }

  private static int families(List<Cidr> cidrs) {
    int families = 0;
    for (int i = 0; i < cidrs.size(); i++) {
      families |= cidrs.get(i).family() == Family.V4 ? 1 : 2;
    }
    return families;
  }

  private void checkRequiredIcmpv6(Span span, Resolved.Verb verb, Match m) {
    if (verb != Resolved.Verb.DENY && verb != Resolved.Verb.REJECT || m.protocol() != Protocol.ICMPV6) {
      return;
    }
    List<Integer> blocked = new ArrayList<>();
    for (int t : new java.util.TreeSet<>(IcmpType.REQUIRED_V6)) {
      if (m.icmpTypes().isEmpty() || m.icmpTypes().contains(new IcmpType(Family.V6, t))) {
        blocked.add(t);
      }
    }
    if (!blocked.isEmpty()) {
      diags.error(Codes.REQUIRED_ICMPV6, span, "this rule would block ICMPv6 type" + (blocked.size() > 1 ? "s " : " ")
          + listed(blocked) + " that IPv6 needs to work",
          "swfw always allows ICMPv6 errors (1-4) and neighbour discovery (133-136); name other types to block");
    }
  }

  /** {@code 1, 2 and 3}. */
  private static String listed(List<Integer> numbers) {
    String all = numbers.toString();
    String inner = all.substring(1, all.length() - 1);
    int last = inner.lastIndexOf(", ");
    return last < 0 ? inner : inner.substring(0, last) + " and " + inner.substring(last + 2);
  }

  private void comment(String text, Span span) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > Codes.MAX_COMMENT_BYTES) {
      diags.error(Codes.COMMENT_TOO_LONG, span, "comment is " + bytes + " bytes long; at most "
          + Codes.MAX_COMMENT_BYTES + " fit",
          "iptables keeps 255 bytes of a rule comment and silently cuts the rest; swfw adds the source location");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c == 0x7f) {
        diags.error(Codes.COMMENT_CONTROL, span, "comment contains a " + (c == '\n' ? "newline" : "control character"),
            "rule comments are one line of printable text");
        return;
      }
    }
  }

  private List<String> ifaces(List<Iface> ifaces) {
    List<String> names = new ArrayList<>(ifaces.size());
    for (Iface i : ifaces) {
      Interfaces.problem(i.name()).ifPresentOrElse(
          p -> diags.error(Codes.BAD_INTERFACE, i.span(), "invalid interface name '" + Interfaces.shown(i.name()) + "': " + p,
              "Linux interface names are 1-15 bytes of letters, digits, '_', '-', '.' or '@', with an optional trailing '+'"),
          () -> names.add(i.name()));
    }
    return names;
  }

  private static String clauseWord(Clause c) {
    if (c instanceof Clause.On) {
      return "on";
    }
    if (c instanceof Clause.From) {
      return "from";
    }
    return c instanceof Clause.To ? "to" : "limit";
  }
}
