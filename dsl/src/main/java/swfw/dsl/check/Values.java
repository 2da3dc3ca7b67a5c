package swfw.dsl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import swfw.diag.Diagnostics;
import swfw.diag.Span;
import swfw.dsl.ast.Clause;
import swfw.dsl.ast.HostAttr;
import swfw.dsl.ast.Item;
import swfw.dsl.ast.LetValue;
import swfw.dsl.ast.Protocol;
import swfw.dsl.ast.Stmt;
import swfw.dsl.ast.Target;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;
import swfw.dsl.value.IcmpType;
import swfw.dsl.value.PortRange;
import swfw.dsl.value.Rate;
import swfw.dsl.value.WellKnownPorts;

/** Evaluates names and literals to checked values, reporting what is wrong with them. */
final class Values {
  /** What a {@code let} holds. */
  sealed interface Value permits Addrs, Ports, Service, Invalid {}

  record Addrs(List<Cidr> cidrs) implements Value {}

  record Ports(List<PortRange> ports) implements Value {}

  record Service(Protocol protocol, List<PortRange> ports, List<IcmpType> icmpTypes) implements Value {}

  /** A let with errors: already reported, so uses of it stay quiet. */
  record Invalid() implements Value {}

  private static final Cidr ANY4 = new Cidr(Family.V4, 0, 0, 0);
  private static final Cidr ANY6 = new Cidr(Family.V6, 0, 0, 0);

  private final Diagnostics diags;
  private final Map<String, Stmt.Let> lets;
  private final Map<String, Value> memo = new HashMap<>();
  /** Names being evaluated, in the order they were entered, to show a cycle's chain. */
  private final Set<String> resolving = new LinkedHashSet<>();

  Values(Diagnostics diags, Map<String, Stmt.Let> lets) {
    this.diags = diags;
    this.lets = lets;
  }

  Value let(String name) {
    Value known = memo.get(name);
    if (known != null) {
      return known;
    }
    Stmt.Let let = lets.get(name);
    if (!resolving.add(name)) {
      List<String> chain = new ArrayList<>(resolving);
      chain = chain.subList(chain.indexOf(name), chain.size());
      chain.add(name);
      diags.error(Codes.LET_CYCLE, let.name().span(), "'" + name + "' is defined in terms of itself",
          "the chain is " + String.join(" -> ", chain));
      return new Invalid();
    }
    int before = diags.errorCount();
    Value v = evaluate(let.value());
    resolving.remove(name);
    if (diags.errorCount() > before) {
      v = new Invalid();
    }
    memo.put(name, v);
    return v;
  }

  private Value evaluate(LetValue value) {
    if (value instanceof LetValue.Service s) {
      return service(s.protocol(), s.ports());
    }
    List<Item> items = ((LetValue.Set) value).items();
    boolean addresses = false;
    boolean ports = false;
    for (Item item : items) {
      String kind = kindOf(item);
      addresses |= kind.equals("addresses");
      ports |= kind.equals("ports");
    }
    if (addresses && ports) {
      diags.error(Codes.MIXED_SET, value.span(), "a set holds either addresses or ports, not both",
          "define two sets");
      return new Invalid();
    }
    return ports ? new Ports(ports(items)) : new Addrs(addresses(items));
  }

  /** "addresses", "ports" or "" (unknown, reported later) for one set element. */
  private String kindOf(Item item) {
    if (item instanceof Item.Addr || item instanceof Item.AnyAddr) {
      return "addresses";
    }
    if (item instanceof Item.Port) {
      return "ports";
    }
    String name = ((Item.Name) item).text();
    if (lets.containsKey(name) && !resolving.contains(name)) {
      Value v = let(name);
      return v instanceof Addrs ? "addresses" : v instanceof Ports ? "ports" : "";
    }
    return WellKnownPorts.byName(name).isPresent() ? "ports" : "";
  }

  Service target(Target target) {
    if (target instanceof Target.Proto p) {
      return service(p.protocol(), p.ports());
    }
    if (target instanceof Target.UnknownProto u) {
      String hint = Suggestions.closest(u.name().text(), List.of("tcp", "udp", "icmp", "icmpv6", "any"))
          .map(s -> "did you mean '" + s + "'?").orElse("protocols are tcp, udp, icmp, icmpv6 and any");
      diags.error(Codes.UNKNOWN_PROTOCOL, u.name().span(), "unknown protocol '" + u.name().text() + "'", hint);
      return new Service(Protocol.ANY, List.of(), List.of());
    }
    if (target instanceof Target.Service s) {
      return serviceRef(s);
    }
    return new Service(Protocol.ANY, List.of(), List.of());
  }

  private Service serviceRef(Target.Service s) {
    String name = s.name().text();
    Value v = lets.containsKey(name) ? let(name) : null;
    if (v instanceof Service service) {
      return service;
    }
    if (v == null) {
      String hint = WellKnownPorts.byName(name).isPresent() ? "'" + name + "' is a port: write 'tcp " + name + "'"
          : suggestion(name, lets.keySet());
      diags.error(Codes.UNDEFINED_NAME, s.name().span(), "unknown service '" + name + "'", hint);
    } else if (!(v instanceof Invalid)) {
      diags.error(Codes.WRONG_KIND, s.name().span(), "'" + name + "' is " + describe(v) + ", not a service",
          v instanceof Ports ? "write 'tcp " + name + "' or 'udp " + name + "'" : "use it after 'from' or 'to'");
    }
    return new Service(Protocol.ANY, List.of(), List.of());
  }

  private Service service(Protocol protocol, List<Item> items) {
    if (items.isEmpty()) {
      return new Service(protocol, List.of(), List.of());
    }
    if (protocol.hasPorts()) {
      return new Service(protocol, ports(items), List.of());
    }
    if (protocol.isIcmp()) {
      return new Service(protocol, List.of(), icmpTypes(protocol, items));
    }
    diags.error(Codes.PORTS_NEED_PROTOCOL, items.get(0).span(), "ports need a protocol that has them",
        "write 'tcp' or 'udp' before the ports");
    return new Service(protocol, List.of(), List.of());
  }

  List<PortRange> ports(List<Item> items) {
    if (items.size() == 1 && items.get(0) instanceof Item.Port p) {
      // The usual case, 'allow tcp 22': no set to sort and merge.
      PortRange port = port(p);
      return port == null ? List.of() : List.of(port);
    }
    TreeSet<PortRange> out = new TreeSet<>();
    for (Item item : items) {
      if (item instanceof Item.Port p) {
        PortRange port = port(p);
        if (port != null) {
          out.add(port);
        }
      } else if (item instanceof Item.Name n) {
        portName(n, out);
      } else {
        diags.error(Codes.WRONG_KIND, item.span(), "expected a port, found an address");
      }
    }
    return List.copyOf(out);
  }

  private void portName(Item.Name n, TreeSet<PortRange> out) {
    Value v = lets.containsKey(n.text()) ? let(n.text()) : null;
    if (v instanceof Ports ports) {
      out.addAll(ports.ports());
    } else if (v == null) {
      Optional<Integer> known = WellKnownPorts.byName(n.text());
      if (known.isPresent()) {
        out.add(PortRange.of(known.get()));
      } else {
        Set<String> names = new TreeSet<>(WellKnownPorts.names());
        lets.forEach((k, l) -> {
          if (!resolving.contains(k) && let(k) instanceof Ports) {
            names.add(k);
          }
        });
        diags.error(Codes.UNDEFINED_NAME, n.span(), "unknown port name '" + n.text() + "'", suggestion(n.text(), names));
      }
    } else if (!(v instanceof Invalid)) {
      diags.error(Codes.WRONG_KIND, n.span(), "'" + n.text() + "' is " + describe(v) + ", not a port set");
    }
  }

  /** The port or range {@code p}, or null when it is reported as wrong. */
  private PortRange port(Item.Port p) {
    int low = number(p.low(), p.span(), 65535, "port");
    int high = p.high().isPresent() ? number(p.high().get(), p.span(), 65535, "port") : low;
    if (low < 0 || high < 0) {
      return null;
    }
    if (high < low) {
      diags.error(Codes.REVERSED_RANGE, p.span(), "port range " + low + "-" + high + " is reversed",
          "did you mean " + high + "-" + low + "?");
      return null;
    }
    return new PortRange(low, high);
  }

  /** The number {@code digits}, or -1 when it is reported as above {@code max}. */
  private int number(String digits, Span span, int max, String what) {
    if (digits.length() > 9 || Integer.parseInt(digits) > max) {
      diags.error(Codes.PORT_RANGE, span, what + " " + digits + " is out of range 0-" + max);
      return -1;
    }
    return Integer.parseInt(digits);
  }

  private List<IcmpType> icmpTypes(Protocol protocol, List<Item> items) {
    Family family = protocol == Protocol.ICMP ? Family.V4 : Family.V6;
    TreeSet<IcmpType> out = new TreeSet<>();
    for (Item item : items) {
      if (item instanceof Item.Port p) {
        if (p.high().isPresent()) {
          diags.error(Codes.UNKNOWN_ICMP_TYPE, p.span(), protocol.keyword() + " types take no range", "list the types");
          continue;
        }
        int type = number(p.low(), p.span(), 255, protocol.keyword() + " type");
        if (type >= 0) {
          out.add(new IcmpType(family, type));
        }
      } else if (item instanceof Item.Name n) {
        Optional<IcmpType> t = IcmpType.byName(family, n.text());
        if (t.isPresent()) {
          out.add(t.get());
        } else {
          String hint = IcmpType.byName(family == Family.V4 ? Family.V6 : Family.V4, n.text()).isPresent()
              ? "'" + n.text() + "' is an " + (family == Family.V4 ? "icmpv6" : "icmp") + " type"
              : Suggestions.closest(n.text(), IcmpType.names(family)).map(s -> "did you mean '" + s + "'?")
                  .orElse("name a type such as echo-request or give its number (0-255)");
          diags.error(Codes.UNKNOWN_ICMP_TYPE, n.span(), "unknown " + protocol.keyword() + " type '" + n.text() + "'", hint);
        }
      }
    }
    return List.copyOf(out);
  }

  List<Cidr> addresses(List<Item> items) {
    if (items.size() == 1 && items.get(0) instanceof Item.Addr a) {
      // The usual case, 'from 10.0.0.1': no set to sort and merge.
      Cidr address = address(a);
      return address == null ? List.of() : List.of(address);
    }
    List<Cidr> out = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Item.Addr a) {
        Cidr address = address(a);
        if (address != null) {
          out.add(address);
        }
      } else if (item instanceof Item.AnyAddr) {
        out.add(ANY4);
        out.add(ANY6);
      } else if (item instanceof Item.Name n) {
        addressName(n, out);
      } else {
        diags.error(Codes.WRONG_KIND, item.span(), "expected an address, found a port");
      }
    }
    return sortedDistinct(out);
  }

  /**
   * In order, each once: what a TreeSet would hold, without a tree node per address. A blocklist of
   * 100,000 addresses, usually written in order already, sorts in one pass.
   */
  private static List<Cidr> sortedDistinct(List<Cidr> cidrs) {
    cidrs.sort(null);
    List<Cidr> out = new ArrayList<>(cidrs.size());
    for (Cidr c : cidrs) {
      if (out.isEmpty() || out.get(out.size() - 1).compareTo(c) != 0) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  private void addressName(Item.Name n, List<Cidr> out) {
    Value v = lets.containsKey(n.text()) ? let(n.text()) : null;
    if (v instanceof Addrs a) {
      out.addAll(a.cidrs());
    } else if (v == null) {
      Set<String> names = new TreeSet<>();
      lets.forEach((k, l) -> {
        if (!resolving.contains(k) && let(k) instanceof Addrs) {
          names.add(k);
        }
      });
      diags.error(Codes.UNDEFINED_NAME, n.span(), "unknown address set '" + n.text() + "'", suggestion(n.text(), names));
    } else if (!(v instanceof Invalid)) {
      diags.error(Codes.WRONG_KIND, n.span(), "'" + n.text() + "' is " + describe(v) + ", not an address set");
    }
  }

  /** The address or network {@code a}, or null when it is reported as invalid. */
  private Cidr address(Item.Addr a) {
    Cidr c = Addresses.parse(a.text()).orElse(null);
    if (c == null) {
      diags.error(Codes.BAD_ADDRESS, a.span(), "invalid address: " + Addresses.problem(a.text()));
      return null;
    }
    if (c.hasHostBits()) {
      diags.warning(Codes.HOST_BITS, a.span(), "'" + a.text() + "' has host bits set; it means the network "
          + c.network(), "write '" + c.network() + "', or /" + c.bits() + " for the single address");
      return c.network();
    }
    return c;
  }

  Optional<Cidr> hostAddress(HostAttr attr) {
    Optional<Cidr> parsed = Addresses.parse(attr.value());
    if (parsed.isEmpty() || parsed.get().prefix() != parsed.get().bits()) {
      diags.error(Codes.BAD_ADDRESS, attr.valueSpan(), parsed.isEmpty()
          ? "invalid address: " + Addresses.problem(attr.value())
          : "a host address is one address, not a network");
      return Optional.empty();
    }
    return parsed;
  }

  int sshPort(HostAttr attr) {
    int port = number(attr.value(), attr.valueSpan(), 65535, "port");
    if (port == 0) {
      diags.error(Codes.PORT_RANGE, attr.valueSpan(), "port 0 cannot be connected to");
      return -1;
    }
    return port;
  }

  Optional<Rate> rate(Clause.Limit l) {
    Rate.Unit unit = Rate.Unit.parse(l.unit().text());
    int before = diags.errorCount();
    if (unit == null) {
      diags.error(Codes.BAD_RATE, l.unit().span(), "unknown rate unit '" + l.unit().text() + "'",
          "write second, minute, hour or day: 'limit 8/second'");
    }
    boolean tooLong = l.rate().length() > 9;
    int count = tooLong ? Integer.MAX_VALUE : Integer.parseInt(l.rate());
    // As libxt_limit: the period (1/10000 s per packet) must be at least 1, so at most 10000 per second.
    if (count == 0 || unit != null && count > 10000 * secondsIn(unit)) {
      diags.error(Codes.BAD_RATE, l.span(), "rate " + l.rate() + "/" + l.unit().text() + " is out of range",
          "a rate runs from 1/day to 10000/second (iptables-legacy also needs burst × time per packet within a day: SW3002)");
    }
    int burst = Rate.DEFAULT_BURST;
    if (l.burst().isPresent()) {
      String b = l.burst().get();
      burst = b.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(b);
      if (burst == 0 || burst > 10000) {
        diags.error(Codes.BAD_BURST, l.span(), "burst " + b + " is out of range 1-10000");
      }
    }
    return diags.errorCount() > before ? Optional.empty() : Optional.of(new Rate(count, unit, burst));
  }

  private static long secondsIn(Rate.Unit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MINUTE -> 60;
      case HOUR -> 3600;
      case DAY -> 86400;
    };
  }

  private static String describe(Value v) {
    if (v instanceof Addrs) {
      return "an address set";
    }
    return v instanceof Ports ? "a port set" : "a service";
  }

  private static String suggestion(String name, java.util.Collection<String> names) {
    return Suggestions.closest(name, names).map(s -> "did you mean '" + s + "'?")
        .orElse("define it with 'let " + name + " = …;'");
  }
}
