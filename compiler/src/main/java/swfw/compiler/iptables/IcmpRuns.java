package swfw.compiler.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.IcmpType;

/**
 * Moves each run of consecutive ICMP (or ICMPv6) rules of a chain into a chain of its own, behind
 * one {@code -p icmp -j} jump: a packet of another protocol then skips the run in one rule instead
 * of being compared with each of them (the ICMPv6 that IPv6 needs is eight rules every new IPv6
 * connection would otherwise cross), while an ICMP packet meets the same rules in the same order,
 * one jump later. Only runs of rules that end in ACCEPT, DROP or REJECT move, so falling off the
 * new chain means what passing the run meant; a RETURN there would leave the wrong chain.
 */
final class IcmpRuns {
  /** One ICMP rule alone stays: a jump would cost ICMP packets a rule and save the others none. */
  static final int MIN_RUN = 2;

  private IcmpRuns() {}

  /** The chain with its runs replaced by jumps, followed by one chain per run ({@code NAME/1}, …). */
  static List<Chain> split(String name, LazyRules rules) {
    LazyRules.Builder main = rules.builder(rules.size());
    List<Chain> runs = new ArrayList<>();
    int kept = 0; // rules before this one are in main, or in a run
    int i = 0;
    while (i < rules.size()) {
      int end = runEnd(rules, i);
      if (end - i >= MIN_RUN) {
        String run = name + "/" + (runs.size() + 1);
        main.addAll(rules.subList(kept, i)).add(jump(rules.subList(i, end), run));
        runs.add(new Chain(run, rules.subList(i, end)));
        i = end;
        kept = end;
      } else {
        i++;
      }
    }
    main.addAll(rules.subList(kept, rules.size()));
    List<Chain> out = new ArrayList<>(runs.size() + 1);
    out.add(new Chain(name, main.build()));
    out.addAll(runs);
    return out;
  }

  /**
   * The end (exclusive) of the run of one ICMP protocol starting at {@code start}; {@code start} when none
   * does. Only an ICMP rule is made to see its target: the rules made on demand are never ICMP rules.
   */
  private static int runEnd(LazyRules rules, int start) {
    Protocol protocol = rules.protocol(start);
    if (!protocol.isIcmp()) {
      return start;
    }
    int end = start;
    while (end < rules.size() && rules.protocol(end) == protocol && decides(rules.get(end))) {
      end++;
    }
    return end;
  }

  private static boolean decides(IptRule r) {
    return r.target().equals("ACCEPT") || r.target().equals("DROP") || r.target().equals("REJECT");
  }

  /** The jump into a run: by protocol, and by ICMP type too when the whole run matches one (a rate limit's pair). */
  private static IptRule jump(List<IptRule> run, String chain) {
    Protocol protocol = run.get(0).protocol();
    Optional<IcmpType> type = run.get(0).icmpType();
    for (IptRule r : run) {
      type = type.equals(r.icmpType()) ? type : Optional.empty();
    }
    String comment = protocol == Protocol.ICMP ? "swfw: ICMP only" : "swfw: ICMPv6 only";
    return new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), protocol, List.of(),
        type, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), comment, chain, Optional.empty());
  }
}
