package swfw.compiler.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * One rule of one node role in one family, fully resolved: no names left. Empty {@code from}/{@code to}
 * means any address of the family; empty {@code ports}/{@code icmpTypes} every port or type.
 * {@code ifaces} is never empty for inbound and published rules.
 */
public record RuleIr(Span span, Direction direction, Verdict verdict, Family family, List<String> ifaces,
    Protocol protocol, List<PortRange> ports, List<IcmpType> icmpTypes, List<Cidr> from, List<Cidr> to,
    Optional<Rate> limit, Optional<String> comment) {
  public RuleIr {
    ifaces = List.copyOf(ifaces);
    ports = List.copyOf(ports);
    icmpTypes = List.copyOf(icmpTypes);
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  public boolean isLimited() {
    return limit.isPresent();
  }

  /**
   * Each interface's rules, in order: the chain of each guarded interface, without filtering the rules
   * once per guard (which was quadratic in the interfaces).
   */
  public static Map<String, List<RuleIr>> byIface(List<RuleIr> rules) {
    Map<String, List<RuleIr>> out = new HashMap<>();
    for (RuleIr r : rules) {
      for (String iface : r.ifaces()) {
        List<RuleIr> mine = out.computeIfAbsent(iface, i -> new ArrayList<>());
        if (mine.isEmpty() || mine.get(mine.size() - 1) != r) { // 'on eth0, eth0' is in eth0's chain once
          mine.add(r);
        }
      }
    }
    return out;
  }
}
