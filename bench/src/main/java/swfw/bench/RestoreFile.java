package swfw.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import swfw.compiler.explain.Packet;
import swfw.dsl.ast.Protocol;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;
import swfw.dsl.value.Family;

/**
 * A tiny evaluator of an iptables-restore filter table: it counts the rules one packet is compared
 * with, as netfilter walks them (first match; jumps into user chains; RETURN or the end of a user
 * chain goes back). It knows only the matches the seed's files and swfw's boot files use, and fails
 * on any other, so a count is never silently wrong. Rate limits count as not yet reached.
 */
final class RestoreFile {
  private record Rule(List<String> args, String target) {}

  private final Map<String, List<Rule>> chains = new LinkedHashMap<>();

  RestoreFile(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith(":")) {
        chains.putIfAbsent(line.substring(1, line.indexOf(' ')), new ArrayList<>());
      } else if (line.startsWith("-A ")) {
        List<String> words = words(line);
        int j = words.indexOf("-j");
        Rule rule = new Rule(words.subList(2, j), words.get(j + 1));
        chains.computeIfAbsent(words.get(1), k -> new ArrayList<>()).add(rule);
      }
    }
  }

  /** The rules compared, starting from {@code chain} (INPUT, DOCKER-USER or OUTPUT). */
  int traversed(String chain, Packet p) {
    int[] count = {0};
    walk(chain, p, count, 0);
    return count[0];
  }

  /** True when a verdict was reached in this chain or one it jumped to. */
  private boolean walk(String chain, Packet p, int[] count, int depth) {
    if (depth > 8) {
      throw new IllegalStateException("jumps nest too deep at " + chain);
    }
    for (Rule r : chains.getOrDefault(chain, List.of())) {
      count[0]++;
      if (!matches(r.args(), p)) {
        continue;
      }
      switch (r.target()) {
        case "ACCEPT", "DROP", "REJECT":
          return true;
        case "RETURN":
          return false;
        default:
          if (walk(r.target(), p, count, depth + 1)) {
            return true;
          }
      }
    }
    return false;
  }

  private static boolean matches(List<String> args, Packet p) {
    boolean match = true;
    for (int i = 0; i < args.size() && match; i += 2) {
      String option = args.get(i);
      String value = args.get(i + 1);
      match = switch (option) {
        case "-m", "--comment", "--ctdir", "--limit", "--limit-burst", "--reject-with" -> true;
        case "-i" -> p.path() != Packet.Path.OUTPUT && p.iface().equals(value);
        case "-o" -> p.path() == Packet.Path.OUTPUT && p.iface().equals(value);
        case "-p" -> protocol(value) == p.protocol();
        case "--dport" -> p.protocol().hasPorts() && inRange(value, p.dstPort());
        case "--dports" -> p.protocol().hasPorts() && anyInRange(value, p.dstPort());
        case "--ctorigdstport" -> p.path() == Packet.Path.FORWARD && inRange(value, p.dstPort());
        case "--ctorigdst" -> p.path() == Packet.Path.FORWARD && network(value).contains(p.dst());
        case "-s" -> network(value).contains(p.src());
        case "-d" -> network(value).contains(p.dst());
        case "--state", "--ctstate" -> List.of(value.split(",")).contains(p.state().name());
        case "--icmp-type", "--icmpv6-type" -> p.icmpType().isPresent() && icmpType(value) == p.icmpType().get();
        case "--hl-eq" -> Integer.parseInt(value) == p.hopLimit();
        default -> throw new IllegalArgumentException("the evaluator does not know " + option);
      };
    }
    return match;
  }

  private static Protocol protocol(String name) {
    return switch (name) {
      case "tcp" -> Protocol.TCP;
      case "udp" -> Protocol.UDP;
      case "icmp" -> Protocol.ICMP;
      case "ipv6-icmp", "icmpv6" -> Protocol.ICMPV6;
      default -> throw new IllegalArgumentException("the evaluator does not know protocol " + name);
    };
  }

  private static Cidr network(String value) {
    return Addresses.parse(value).orElseThrow(() -> new IllegalArgumentException("not an address: " + value));
  }

  private static boolean inRange(String range, int port) {
    String[] ends = range.split(":");
    return port >= Integer.parseInt(ends[0]) && port <= Integer.parseInt(ends[ends.length - 1]);
  }

  private static boolean anyInRange(String list, int port) {
    for (String range : list.split(",")) {
      if (inRange(range, port)) {
        return true;
      }
    }
    return false;
  }

  private static int icmpType(String value) {
    return switch (value) {
      case "echo-request" -> 8;
      case "destination-unreachable" -> 3;
      case "time-exceeded" -> 11;
      default -> Integer.parseInt(value);
    };
  }

  /** Words of a rule line; a double-quoted comment is one word. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted && i + 1 < line.length()) {
        w.append(line.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

}
