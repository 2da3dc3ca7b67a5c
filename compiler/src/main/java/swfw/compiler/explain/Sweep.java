package swfw.compiler.explain;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import swfw.compiler.iptables.Chain;
import swfw.compiler.iptables.Hook;
import swfw.compiler.iptables.IpSet;
import swfw.compiler.iptables.IptRule;
import swfw.compiler.iptables.Ruleset;
import swfw.dsl.value.Cidr;

/**
 * Packets that differ only in their source address (or only in their destination) run through the
 * chains together, each as {@link NetfilterModel#evaluate} runs it: a rule takes out at once the
 * packets still in its chain that it matches, looked up among the addresses sorted by where their
 * networks start. One walk of the chains and a range lookup per rule, instead of a walk per address.
 */
final class Sweep {
  private final Ruleset ruleset;
  private final Map<String, Chain> chains;
  private final Packet packet;
  private final boolean bySource;
  /** The addresses sorted by where their networks start, family first: a packet is known by its rank here. */
  private final Cidr[] sorted;
  private final Cidr[] starts;
  /** Per rank, the address's place in the list given. */
  private final int[] place;
  private final Outcome[] out;
  /** Per rank, the last RETURN the packet matched: what decided it when it passes. */
  private final Trace.Step[] returned;

  Sweep(Ruleset ruleset, Map<String, Chain> chains, Packet packet, boolean bySource, List<Cidr> addresses) {
    this.ruleset = ruleset;
    this.chains = chains;
    this.packet = packet;
    this.bySource = bySource;
    int n = addresses.size();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Cidr[] networks = addresses.stream().map(Cidr::network).toArray(Cidr[]::new);
    Arrays.sort(order, (a, b) -> compare(networks[a], networks[b]));
    sorted = new Cidr[n];
    starts = new Cidr[n];
    place = new int[n];
    for (int rank = 0; rank < n; rank++) {
      place[rank] = order[rank];
      sorted[rank] = addresses.get(order[rank]);
      starts[rank] = networks[order[rank]];
    }
    out = new Outcome[n];
    returned = new Trace.Step[n];
  }

  List<Outcome> run() {
    BitSet pending = new BitSet();
    pending.set(0, sorted.length);
    String builtin = NetfilterModel.builtin(packet.path());
    for (Hook h : ruleset.hooks()) {
      if (h.from().equals(builtin) && h.in().map(i -> NetfilterModel.ifaceMatches(i, packet.iface())).orElse(true)) {
        pending = run(h.to(), pending, 0);
      }
    }
    for (int rank = pending.nextSetBit(0); rank >= 0; rank = pending.nextSetBit(rank + 1)) {
      out[place[rank]] = new Outcome(Trace.Verdict.PASS, Optional.ofNullable(returned[rank]));
    }
    return List.of(out);
  }

  /** Runs the packets of {@code batch} through one chain; returns those that fall off its end or RETURN. */
  private BitSet run(String chainName, BitSet batch, int depth) {
    Chain chain = chains.get(chainName);
    if (chain == null || depth > NetfilterModel.MAX_DEPTH) {
      return batch;
    }
    BitSet back = new BitSet();
    List<IptRule> rules = chain.rules();
    for (int i = 0; i < rules.size() && !batch.isEmpty(); i++) {
      IptRule r = rules.get(i);
      BitSet hit = matching(r, batch);
      if (hit.isEmpty()) {
        continue;
      }
      batch.andNot(hit);
      Trace.Step step = new Trace.Step(chainName, i + 1, r, true);
      switch (r.target()) {
        case "ACCEPT" -> decide(hit, Trace.Verdict.ACCEPT, step);
        case "DROP" -> decide(hit, Trace.Verdict.DROP, step);
        case "REJECT" -> decide(hit, Trace.Verdict.REJECT, step);
        case "RETURN" -> {
          hit.stream().forEach(rank -> returned[rank] = step);
          back.or(hit);
        }
        default -> batch.or(run(r.target(), hit, depth + 1));
      }
    }
    back.or(batch);
    return back;
  }

  private void decide(BitSet hit, Trace.Verdict verdict, Trace.Step step) {
    Outcome decided = new Outcome(verdict, Optional.of(step));
    hit.stream().forEach(rank -> out[place[rank]] = decided);
  }

  /** The packets of {@code batch} that rule {@code r} matches. */
  private BitSet matching(IptRule r, BitSet batch) {
    BitSet hit = new BitSet();
    boolean others = bySource ? NetfilterModel.matchesDestination(r, packet.dst())
        : NetfilterModel.matchesSource(r, packet.src());
    if (!others || !NetfilterModel.matchesRest(r, packet)) {
      return hit;
    }
    Optional<Cidr> network = bySource ? r.src() : r.dst().or(r::ctOrigDst);
    Optional<IpSet> set = bySource ? r.srcSet() : r.dstSet();
    if (network.isPresent()) {
      collect(r, network.get(), batch, hit);
    } else if (set.isPresent() && set.get().members().size() < batch.cardinality()) {
      for (Cidr member : set.get().members()) {
        collect(r, member, batch, hit);
      }
    } else {
      collect(r, 0, sorted.length, batch, hit);
    }
    return hit;
  }

  /** Adds to {@code hit} the packets of {@code batch} starting inside {@code network} that {@code r} matches. */
  private void collect(IptRule r, Cidr network, BitSet batch, BitSet hit) {
    collect(r, firstAtOrAfter(network.network(), false), firstAtOrAfter(network.last(), true), batch, hit);
  }

  /** Adds to {@code hit} the packets of {@code batch} ranked {@code from} up to {@code to} that {@code r} matches. */
  private void collect(IptRule r, int from, int to, BitSet batch, BitSet hit) {
    for (int rank = batch.nextSetBit(from); rank >= 0 && rank < to; rank = batch.nextSetBit(rank + 1)) {
      Cidr a = sorted[rank];
      if (bySource ? NetfilterModel.matchesSource(r, a) : NetfilterModel.matchesDestination(r, a)) {
        hit.set(rank);
      }
    }
  }

  /** The first rank whose network starts at or after {@code address} ({@code after}: strictly after). */
  private int firstAtOrAfter(Cidr address, boolean after) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c = compare(starts[mid], address);
      if (c < 0 || after && c == 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int compare(Cidr a, Cidr b) {
    int c = a.family().compareTo(b.family());
    if (c == 0) {
      c = Long.compareUnsigned(a.hi(), b.hi());
    }
    return c != 0 ? c : Long.compareUnsigned(a.lo(), b.lo());
  }
}
