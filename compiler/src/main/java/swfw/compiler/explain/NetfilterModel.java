package swfw.compiler.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import swfw.compiler.iptables.Chain;
import swfw.compiler.iptables.Hook;
import swfw.compiler.iptables.IptRule;
import swfw.compiler.iptables.Ruleset;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.PortRange;

/**
 * An in-process model of the chains swfw emits: it runs a packet through a generated {@link Ruleset}
 * as netfilter would (hooks, jumps, RETURN, first match), so explanations and expectations test the
 * lowering and not only the intermediate policy. Rate limits are treated as passing.
 */
public final class NetfilterModel {
  static final int MAX_DEPTH = 16;

  private final Ruleset ruleset;
  private final Map<String, Chain> chains = new HashMap<>();

  public NetfilterModel(Ruleset ruleset) {
    this.ruleset = ruleset;
    // Made once here: a chain keeps most rules of a big policy unmade (LazyRules), and every packet reads them.
    ruleset.chains().forEach(c -> chains.put(c.name(), new Chain(c.name(), List.copyOf(c.rules()))));
  }

  public Trace evaluate(Packet p) {
    String builtin = builtin(p.path());
    List<Trace.Step> steps = new ArrayList<>();
    int position = 0;
    for (Hook h : ruleset.hooks()) {
      if (!h.from().equals(builtin)) {
        continue;
      }
      position++;
      IptRule hookRule = IptRule.plain(h.to(), Hook.MARK, Optional.empty());
      boolean matched = h.in().map(i -> ifaceMatches(i, p.iface())).orElse(true);
      steps.add(new Trace.Step(builtin, position, h.in().map(hookRule::withIn).orElse(hookRule), matched));
      if (matched) {
        Optional<Trace> decided = run(h.to(), p, steps, 0);
        if (decided.isPresent()) {
          return decided.get();
        }
      }
    }
    // An explicit RETURN that let the packet through is what decided it, as far as swfw is concerned.
    Optional<Trace.Step> returned = steps.stream().filter(s -> s.matched() && s.rule().target().equals("RETURN"))
        .reduce((a, b) -> b);
    return new Trace(Trace.Verdict.PASS, returned, steps);
  }

  /**
   * What {@link #evaluate} decides for {@code p} sent from each of {@code sources} in turn, in that
   * order, found in one walk of the chains rather than one per source.
   */
  public List<Outcome> evaluateFrom(Packet p, List<Cidr> sources) {
    return new Sweep(ruleset, chains, p, true, sources).run();
  }

  /** What {@link #evaluate} decides for {@code p} sent to each of {@code destinations} in turn, in one walk. */
  public List<Outcome> evaluateTo(Packet p, List<Cidr> destinations) {
    return new Sweep(ruleset, chains, p, false, destinations).run();
  }

  static String builtin(Packet.Path path) {
    return switch (path) {
      case INPUT -> "INPUT";
      case FORWARD -> "DOCKER-USER";
      case OUTPUT -> "OUTPUT";
    };
  }

  /** Runs one chain; empty when the packet falls off its end or RETURNs. */
  private Optional<Trace> run(String chainName, Packet p, List<Trace.Step> steps, int depth) {
    Chain chain = chains.get(chainName);
    if (chain == null || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    List<IptRule> rules = chain.rules();
    for (int i = 0; i < rules.size(); i++) {
      IptRule r = rules.get(i);
      boolean matched = matches(r, p);
      Trace.Step step = new Trace.Step(chainName, i + 1, r, matched);
      steps.add(step);
      if (!matched) {
        continue;
      }
      switch (r.target()) {
        case "ACCEPT":
          return Optional.of(new Trace(Trace.Verdict.ACCEPT, Optional.of(step), steps));
        case "DROP":
          return Optional.of(new Trace(Trace.Verdict.DROP, Optional.of(step), steps));
        case "REJECT":
          return Optional.of(new Trace(Trace.Verdict.REJECT, Optional.of(step), steps));
        case "RETURN":
          return Optional.empty();
        default:
          Optional<Trace> decided = run(r.target(), p, steps, depth + 1);
          if (decided.isPresent()) {
            return decided;
          }
      }
    }
    return Optional.empty();
  }

  static boolean matches(IptRule r, Packet p) {
    return matchesSource(r, p.src()) && matchesDestination(r, p.dst()) && matchesRest(r, p);
  }

  static boolean matchesSource(IptRule r, Cidr src) {
    return address(r.src(), src) && r.srcSet().map(set -> set.contains(src)).orElse(true);
  }

  /** The destination as the rule sees it, also through --ctorigdst (swfw matches no post-DNAT one). */
  static boolean matchesDestination(IptRule r, Cidr dst) {
    return address(r.dst(), dst) && r.dstSet().map(set -> set.contains(dst)).orElse(true)
        && address(r.ctOrigDst(), dst);
  }

  /** Everything but the addresses. */
  static boolean matchesRest(IptRule r, Packet p) {
    return r.in().map(i -> p.path() != Packet.Path.OUTPUT && ifaceMatches(i, p.iface())).orElse(true)
        && r.out().map(o -> p.path() == Packet.Path.OUTPUT && ifaceMatches(o, p.iface())).orElse(true)
        && (r.protocol() == Protocol.ANY || r.protocol() == p.protocol())
        && ports(r.dports(), p)
        && r.icmpType().map(t -> p.icmpType().isPresent() && p.icmpType().get() == t.type()).orElse(true)
        && r.hopLimit().map(h -> h == p.hopLimit()).orElse(true)
        && r.ctstates().map(s -> states(s, p.state())).orElse(true)
        && r.ctOrigDstPort().map(range -> p.path() == Packet.Path.FORWARD && p.protocol().hasPorts()
            && range.contains(p.dstPort())).orElse(true);
  }

  private static boolean address(Optional<Cidr> rule, Cidr packet) {
    return rule.map(c -> c.contains(packet)).orElse(true);
  }

  private static boolean ports(List<PortRange> ranges, Packet p) {
    if (ranges.isEmpty()) {
      return true;
    }
    return p.protocol().hasPorts() && ranges.stream().anyMatch(r -> r.contains(p.dstPort()));
  }

  private static boolean states(String states, Packet.CtState state) {
    for (String s : states.split(",")) {
      if (s.equals(state.name())) {
        return true;
      }
    }
    return false;
  }

  /** iptables interface matching: a trailing '+' matches every name with that prefix. */
  static boolean ifaceMatches(String pattern, String iface) {
    return pattern.endsWith("+") ? iface.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(iface);
  }
}
