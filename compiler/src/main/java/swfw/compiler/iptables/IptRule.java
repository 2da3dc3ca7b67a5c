package swfw.compiler.iptables;

import java.util.List;
import java.util.Optional;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;

/**
 * One iptables rule as swfw emits it: the structured form that both the text renderer and the
 * in-process netfilter model read. Empty fields match anything.
 *
 * @param dports one entry: {@code -m tcp --dport}; several: {@code -m multiport --dports} (at most 15 slots)
 * @param ctstates conntrack states, e.g. "RELATED,ESTABLISHED", or empty
 * @param ctOrigDstPort {@code -m conntrack --ctorigdstport N --ctdir ORIGINAL}: the port before Docker's DNAT
 * @param ctOrigDst {@code --ctorigdst ADDR} in the same conntrack match: the node address a client connected
 *     to, before Docker's DNAT rewrote it to a container's ({@code -d} would see the container)
 * @param target ACCEPT, DROP, REJECT, RETURN or a chain name
 * @param source the statement this rule traces to, if any
 */
public record IptRule(Optional<Cidr> src, Optional<Cidr> dst, Optional<String> in, Optional<String> out,
    Protocol protocol, List<PortRange> dports, Optional<IcmpType> icmpType, Optional<Integer> hopLimit,
    Optional<String> ctstates, Optional<PortRange> ctOrigDstPort, Optional<Rate> limit, String comment,
    String target, Optional<Span> source, Optional<IpSet> srcSet, Optional<IpSet> dstSet, Optional<Cidr> ctOrigDst) {
  public IptRule {
    dports = List.copyOf(dports);
  }

  public IptRule(Optional<Cidr> src, Optional<Cidr> dst, Optional<String> in, Optional<String> out,
      Protocol protocol, List<PortRange> dports, Optional<IcmpType> icmpType, Optional<Integer> hopLimit,
      Optional<String> ctstates, Optional<PortRange> ctOrigDstPort, Optional<Rate> limit, String comment,
      String target, Optional<Span> source, Optional<IpSet> srcSet, Optional<IpSet> dstSet) {
    this(src, dst, in, out, protocol, dports, icmpType, hopLimit, ctstates, ctOrigDstPort, limit, comment, target,
        source, srcSet, dstSet, Optional.empty());
  }

  public IptRule(Optional<Cidr> src, Optional<Cidr> dst, Optional<String> in, Optional<String> out,
      Protocol protocol, List<PortRange> dports, Optional<IcmpType> icmpType, Optional<Integer> hopLimit,
      Optional<String> ctstates, Optional<PortRange> ctOrigDstPort, Optional<Rate> limit, String comment,
      String target, Optional<Span> source) {
    this(src, dst, in, out, protocol, dports, icmpType, hopLimit, ctstates, ctOrigDstPort, limit, comment, target,
        source, Optional.empty(), Optional.empty());
  }

  /** A rule that matches everything and only jumps or decides. */
  public static IptRule plain(String target, String comment, Optional<Span> source) {
    return new IptRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Protocol.ANY, List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), comment, target, source);
  }

  public IptRule withIn(String iface) {
    return new IptRule(src, dst, Optional.of(iface), out, protocol, dports, icmpType, hopLimit, ctstates, ctOrigDstPort,
        limit, comment, target, source, srcSet, dstSet, ctOrigDst);
  }

  public IptRule withCtstates(String states) {
    return new IptRule(src, dst, in, out, protocol, dports, icmpType, hopLimit, Optional.of(states), ctOrigDstPort,
        limit, comment, target, source, srcSet, dstSet, ctOrigDst);
  }

  public IptRule withTarget(String newTarget, String newComment) {
    return new IptRule(src, dst, in, out, protocol, dports, icmpType, hopLimit, ctstates, ctOrigDstPort,
        limit, newComment, newTarget, source, srcSet, dstSet, ctOrigDst);
  }

  public IptRule withoutLimit() {
    return new IptRule(src, dst, in, out, protocol, dports, icmpType, hopLimit, ctstates, ctOrigDstPort,
        Optional.empty(), comment, target, source, srcSet, dstSet, ctOrigDst);
  }

  public boolean isJump() {
    return !List.of("ACCEPT", "DROP", "REJECT", "RETURN").contains(target);
  }
}
