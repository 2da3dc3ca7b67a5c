package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import swfw.compiler.ir.Direction;
import swfw.compiler.ir.RuleIr;
import swfw.compiler.ir.Verdict;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * The indexed coverage search finds, for every rule of a chain, exactly the coverers the naive search
 * ({@link NaiveCoverers}) finds. Chains are drawn from small universes so that covers happen: a few
 * ports and ranges, nested and adjacent networks (IPv6 ones across the 64-bit halves), ICMP types,
 * interface patterns, rate limits, and statements that yield several rules of one chain. The search's
 * tuning is drawn too: it may change the time taken, never the answer.
 */
class CoverersTest {
  private static final Path FILE = Path.of("chain.swfw");
  private static final int[] V4_PREFIXES = {0, 1, 8, 10, 11, 12, 30, 31, 32};
  private static final int[] V6_PREFIXES = {0, 1, 32, 62, 63, 64, 65, 66, 126, 127, 128};
  private static final String[] IFACES = {"eth0", "eth1", "eth+", "eth1+", "e+", "wg0"};

  @Property(tries = 2000)
  void findsWhatTheNaiveSearchFinds(@ForAll long seed) {
    Random random = new Random(seed);
    Family family = random.nextBoolean() ? Family.V4 : Family.V6;
    boolean outbound = random.nextInt(3) == 0;
    List<RuleIr> chain = chain(random, family, outbound);
    Coverers.Tuning tuning = random.nextInt(3) == 0 ? Coverers.Tuning.DEFAULT
        : new Coverers.Tuning(1 + random.nextInt(3), random.nextInt(10), 1 + random.nextInt(70), random.nextInt(20));
    List<Optional<List<Span>>> expected = NaiveCoverers.of(chain, outbound);
    assertEquals(expected, Coverers.of(chain, outbound, tuning), () -> tuning + "\n" + String.join("\n",
        chain.stream().map(RuleIr::toString).toList()));
    long covered = expected.stream().filter(Optional::isPresent).count();
    Statistics.label("covered rules").collect(covered == 0 ? "none" : covered < 4 ? "1-3" : "4+");
    Statistics.label("covered by parts").collect(expected.stream().anyMatch(o -> o.isPresent() && o.get().size() > 1));
    Statistics.label("covered by parts").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("covered rules").coverage(c -> c.check("none").percentage(p -> p < 30));
  }

  private static List<RuleIr> chain(Random random, Family family, boolean outbound) {
    List<RuleIr> out = new ArrayList<>();
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 150 : 40);
    for (int i = 0; i < n; i++) {
      Span span = i > 0 && random.nextInt(10) == 0 ? out.get(random.nextInt(i)).span() : Span.of(FILE, i + 1, 1, 1);
      out.add(i > 1 && random.nextInt(4) == 0 ? joined(out.get(random.nextInt(i)), out.get(random.nextInt(i)), span)
          : rule(random, family, outbound, span));
    }
    return out;
  }

  /** A rule that often needs both {@code a} and {@code b} to cover it: {@code a} widened by {@code b}'s ranges. */
  private static RuleIr joined(RuleIr a, RuleIr b, Span span) {
    return new RuleIr(span, a.direction(), a.verdict(), a.family(), a.ifaces(), a.protocol(), join(a.ports(), b.ports()),
        join(a.icmpTypes(), b.icmpTypes()), join(a.from(), b.from()), join(a.to(), b.to()), Optional.empty(),
        Optional.empty());
  }

  private static <T> List<T> join(List<T> a, List<T> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a;
    }
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static RuleIr rule(Random random, Family family, boolean outbound, Span span) {
    Protocol icmp = family == Family.V4 ? Protocol.ICMP : Protocol.ICMPV6;
    Protocol protocol = switch (random.nextInt(6)) {
      case 0 -> Protocol.ANY;
      case 1 -> icmp;
      case 2 -> Protocol.UDP;
      default -> Protocol.TCP;
    };
    List<PortRange> ports = protocol.hasPorts() ? few(random, 7, () -> port(random)) : List.of();
    List<IcmpType> types = protocol == icmp ? few(random, 4, () -> new IcmpType(family, random.nextInt(5))) : List.of();
    List<String> ifaces = outbound ? few(random, 2, () -> IFACES[random.nextInt(IFACES.length)]) : List.of("eth0");
    Optional<Rate> limit = random.nextInt(4) == 0 ? Optional.of(new Rate(5, Rate.Unit.SECOND, 5)) : Optional.empty();
    return new RuleIr(span, outbound ? Direction.OUTBOUND : Direction.INBOUND, Verdict.values()[random.nextInt(3)],
        family, ifaces, protocol, ports, types, networks(random, family), networks(random, family), limit,
        Optional.empty());
  }

  private static <T> List<T> few(Random random, int max, java.util.function.Supplier<T> one) {
    int n = random.nextInt(3) == 0 ? 0 : 1 + (random.nextInt(4) == 0 ? random.nextInt(max) : random.nextInt(2));
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(one.get());
    }
    return out;
  }

  private static PortRange port(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> new PortRange(1, 65535);
      case 1 -> new PortRange(0, 32767 + random.nextInt(3));
      case 2 -> {
        int block = random.nextInt(4) * 16;
        yield new PortRange(block, block + 15);
      }
      default -> {
        int low = 20 + random.nextInt(20);
        yield new PortRange(low, low + (random.nextBoolean() ? 0 : random.nextInt(12)));
      }
    };
  }

  private static List<Cidr> networks(Random random, Family family) {
    return few(random, 7, () -> family == Family.V4 ? v4(random) : v6(random));
  }

  private static Cidr v4(Random random) {
    int prefix = V4_PREFIXES[random.nextInt(V4_PREFIXES.length)];
    long lo = prefix == 1 ? (long) random.nextInt(2) << 31 : 0x0A000000L | (long) random.nextInt(16) << 20 | random.nextInt(4);
    return new Cidr(Family.V4, 0, lo, prefix).network();
  }

  private static Cidr v6(Random random) {
    int prefix = V6_PREFIXES[random.nextInt(V6_PREFIXES.length)];
    long hi = prefix == 1 ? (long) random.nextInt(2) << 63 : 0x20010db800000000L | random.nextInt(4);
    long lo = (long) random.nextInt(4) << 62 | random.nextInt(4);
    return new Cidr(Family.V6, hi, lo, prefix).network();
  }
}
