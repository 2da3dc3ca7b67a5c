package swfw.compiler.iptables;

import java.util.List;
import swfw.compiler.ir.RuleIr;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;

/** Whether two rules of one chain can match the same packet. Conservative: "maybe" counts as yes. */
final class Overlap {
  private Overlap() {}

  static boolean mayOverlap(RuleIr a, RuleIr b) {
    return protocols(a.protocol(), b.protocol()) && ports(a.ports(), b.ports())
        && icmp(a.icmpTypes(), b.icmpTypes()) && addresses(a.from(), b.from()) && addresses(a.to(), b.to());
  }

  private static boolean protocols(Protocol a, Protocol b) {
    return a == Protocol.ANY || b == Protocol.ANY || a == b;
  }

  private static boolean ports(List<PortRange> a, List<PortRange> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (PortRange x : a) {
      for (PortRange y : b) {
        if (x.low() <= y.high() && y.low() <= x.high()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean icmp(List<IcmpType> a, List<IcmpType> b) {
    return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
  }

  private static boolean addresses(List<Cidr> a, List<Cidr> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (Cidr x : a) {
      for (Cidr y : b) {
        if (x.contains(y) || y.contains(x)) {
          return true;
        }
      }
    }
    return false;
  }
}
