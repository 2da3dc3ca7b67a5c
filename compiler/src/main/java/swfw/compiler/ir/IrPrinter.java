package swfw.compiler.ir;

import java.util.List;
import java.util.stream.Collectors;

/** A readable dump of the intermediate policy, one line per rule, for tests and {@code --dump-ir}. */
public final class IrPrinter {
  private IrPrinter() {}

  public static String print(PolicyIr ir) {
    StringBuilder b = new StringBuilder();
    for (NodeIr n : ir.nodes()) {
      b.append("node ").append(n.role()).append('\n');
      b.append("  guarded ").append(names(n.guarded())).append('\n');
      b.append("  trusted ").append(names(n.trusted())).append('\n');
      for (RuleIr r : n.rules()) {
        b.append("  ").append(rule(r)).append('\n');
      }
      for (ExpectIr e : n.expectations()) {
        b.append("  expect ").append(e.statement().verb()).append(" @").append(e.statement().span().line()).append('\n');
      }
    }
    return b.toString();
  }

  public static String rule(RuleIr r) {
    StringBuilder b = new StringBuilder();
    b.append(r.span().line()).append(": ").append(r.family().label()).append(' ')
        .append(r.direction().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
        .append(r.verdict().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(r.protocol().keyword());
    if (!r.ports().isEmpty()) {
      b.append(" ports ").append(r.ports());
    }
    if (!r.icmpTypes().isEmpty()) {
      b.append(" types ").append(r.icmpTypes());
    }
    b.append(" on ").append(r.ifaces().isEmpty() ? "*" : String.join(",", r.ifaces()));
    if (!r.from().isEmpty()) {
      b.append(" from ").append(r.from());
    }
    if (!r.to().isEmpty()) {
      b.append(" to ").append(r.to());
    }
    r.limit().ifPresent(l -> b.append(" limit ").append(l));
    r.comment().ifPresent(c -> b.append(" \"").append(c).append('"'));
    return b.toString();
  }

  private static String names(List<Guard> guards) {
    return guards.isEmpty() ? "-" : guards.stream().map(Guard::iface).collect(Collectors.joining(","));
  }
}
