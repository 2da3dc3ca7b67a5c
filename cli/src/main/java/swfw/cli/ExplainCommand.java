package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import swfw.compiler.CompiledNode;
import swfw.compiler.Compiler;
import swfw.compiler.explain.NetfilterModel;
import swfw.compiler.explain.Packet;
import swfw.compiler.explain.Trace;
import swfw.compiler.iptables.IptablesText;
import swfw.diag.SourceFile;
import swfw.diag.Span;
import swfw.dsl.Frontend;

@Command(name = "explain", description = {
    "Say what a node's generated rules do with one packet: the verdict, the policy statement that decided it,",
    "and the rules it crossed. The packet: PROTO REMOTE[:PORT] -> IFACE[:PORT] [ICMP-TYPE], for example",
    "  swfw explain cluster.swfw --node worker tcp 203.0.113.5:40000 -> eth0:8080",
    "  swfw explain cluster.swfw --node master icmp 198.51.100.7 -> eth0 echo-request",
    "tcp and udp are shown on both paths: to the host (INPUT) and to a container published on that port."},
    footer = ExitCodes.HELP)
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The policy file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "PACKET", description = "PROTO REMOTE[:PORT] -> IFACE[:PORT] [ICMP-TYPE]")
  List<String> packet;

  @Option(names = "--node", paramLabel = "ROLE", description = "The node role (needed when the policy has several).")
  String node;

  @Option(names = "--path", paramLabel = "PATH", description = "host, container, out (sent by the host), or both "
      + "(default: both for tcp and udp, host otherwise).")
  String path;

  @Option(names = "--state", paramLabel = "STATE", description = "Connection tracking state: new (default), "
      + "established, related, invalid, untracked.")
  String state = "new";

  @Option(names = "--local", paramLabel = "ADDR", description = "The host's own address the packet is sent to, "
      + "before Docker's DNAT on the container path (default: a documentation address).")
  String local;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Pipeline.Compiled c = Pipeline.compile(file, spec.commandLine().getErr());
    CompiledNode n = pickNode(c);
    Packet.CtState ct = parseState();
    Function<Span, String> location = Compiler.locations(file);
    for (Packet.Path p : paths()) {
      Packet pk = PacketSpec.parse(packet, p, ct, Optional.ofNullable(local));
      Trace t = new NetfilterModel(n.ruleset(pk.family())).evaluate(pk);
      print(out, c.front(), n.role(), pk, t, location);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private CompiledNode pickNode(Pipeline.Compiled c) {
    List<CompiledNode> nodes = c.policy().nodes();
    if (node == null) {
      if (nodes.size() == 1) {
        return nodes.get(0);
      }
      throw new UserError(ExitCodes.USAGE, "the policy has several node roles: choose one with --node ("
          + String.join(", ", nodes.stream().map(CompiledNode::role).toList()) + ")");
    }
    return c.policy().node(node).orElseThrow(() -> new UserError(ExitCodes.USAGE, "no node role '" + node + "' ("
        + String.join(", ", nodes.stream().map(CompiledNode::role).toList()) + ")"));
  }

  private Packet.CtState parseState() {
    try {
      return Packet.CtState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCodes.USAGE, "unknown state '" + state + "': new, established, related, invalid or untracked");
    }
  }

  private List<Packet.Path> paths() {
    boolean ports = !packet.isEmpty() && (packet.get(0).equals("tcp") || packet.get(0).equals("udp"));
    String p = path == null ? (ports ? "both" : "host") : path;
    return switch (p) {
      case "both" -> List.of(Packet.Path.INPUT, Packet.Path.FORWARD);
      case "host" -> List.of(Packet.Path.INPUT);
      case "container" -> List.of(Packet.Path.FORWARD);
      case "out" -> List.of(Packet.Path.OUTPUT);
      default -> throw new UserError(ExitCodes.USAGE, "unknown path '" + p + "': host, container, out or both");
    };
  }

  static void print(PrintWriter out, Frontend front, String role, Packet p, Trace t, Function<Span, String> location) {
    out.println("node " + role + ": " + p.describe());
    out.println("  verdict:    " + verdict(t.verdict(), p.path()));
    t.decidedBy().ifPresent(step -> {
      step.rule().source().ifPresent(span -> out.println("  decided by: " + location.apply(span) + ": "
          + sourceLine(front, span)));
      out.println("  rule:       -A " + step.chain() + " " + IptablesText.spec(step.rule(), p.family()));
    });
    StringBuilder path = new StringBuilder();
    String chain = null;
    for (Trace.Step s : t.steps()) {
      if (!s.chain().equals(chain)) {
        path.append(chain == null ? "" : " -> ").append(s.chain()).append(' ');
        chain = s.chain();
      } else {
        path.append(',');
      }
      path.append('#').append(s.position());
    }
    out.println("  crossed:    " + path + " (" + t.rulesTraversed() + (t.rulesTraversed() == 1 ? " rule)" : " rules)"));
  }

  private static String verdict(Trace.Verdict v, Packet.Path path) {
    if (v != Trace.Verdict.PASS) {
      return v.name();
    }
    return path == Packet.Path.FORWARD ? "PASS (swfw lets it through; Docker's chains decide the rest)"
        : "PASS (no swfw rule decided; the chain's policy applies)";
  }

  private static String sourceLine(Frontend front, Span span) {
    SourceFile src = front.loaded().source(span.file());
    if (src == null) {
      return "";
    }
    List<String> lines = src.lines();
    return span.line() <= lines.size() ? lines.get(span.line() - 1).strip() : "";
  }
}
