package swfw.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The iptables rules Docker 28.x installs on a (swarm) node, built from moby's generated rule
 * documentation and NETFILTER.md §1.3, in two forms: a full {@code iptables-restore} file (what
 * {@code iptables-save} shows on a fresh host) and a {@code --noflush} transaction that does
 * what the daemon does when it starts on a host that already has rules.
 */
final class DockerRules {

  /** One published port: host port → container address:port (tcp). */
  record Mapping(String containerIp, int hostPort, int containerPort) {
  }

  /** Options that shape the rules; see {@link DockerLab.Builder}. */
  record Options(List<Mapping> published, List<Integer> ingressPorts, boolean userChainReturn,
                 boolean encryptedOverlay, boolean forwardDrop) {
    Options {
      published = List.copyOf(published);
      ingressPorts = List.copyOf(ingressPorts);
    }

    boolean swarm() {
      return !ingressPorts.isEmpty();
    }
  }

  /** One table: builtin chains with policies, Docker's own chains, and rules ({@code -A …} lines) in order. */
  private record Table(String name, Map<String, String> builtins, List<String> chains, List<String> rules) {
  }

  static final String USER = "DOCKER-USER";
  private static final String INPUT_GUARD = "-A INPUT -p udp -m policy --dir in --pol none -m udp --dport 4789 -j DROP";
  private static final Set<String> ENSURED_JUMPS = Set.of("-A FORWARD -j DOCKER-USER", "-A FORWARD -j DOCKER-FORWARD");

  private final Options o;

  DockerRules(Options options) {
    this.o = options;
  }

  /** Full restore file, IPv4 (identical to {@code docker28-swarm-fixture.rules} for the fixture's options). */
  String fullV4() {
    return render(v4Tables());
  }

  /** Full restore file, IPv6 (Docker 27+ default {@code ip6tables: true}, no IPv6 bridge networks). */
  String fullV6() {
    return render(v6Tables());
  }

  /** The daemon's start-up on top of {@code currentSave} (an {@code iptables-save}), as one noflush transaction. */
  String startV4(String currentSave) {
    return renderStart(v4Tables(), currentSave);
  }

  String startV6(String currentSave) {
    return renderStart(v6Tables(), currentSave);
  }

  private List<Table> v4Tables() {
    boolean swarm = o.swarm();
    List<Table> tables = new ArrayList<>();
    Table raw = table("raw", "PREROUTING", "OUTPUT");
    for (Mapping m : distinctContainers()) {
      raw.rules.add("-A PREROUTING -d " + m.containerIp() + "/32 ! -i docker0 -j DROP");
    }
    tables.add(raw);
    if (o.encryptedOverlay()) {
      Table mangle = table("mangle", "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
      mangle.rules.add("-A OUTPUT -p udp -m udp --dport 4789 -j MARK --set-xmark 0xd0c4e3/0xffffffff");
      tables.add(mangle);
    }
    Table nat = table("nat", "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    nat.chains.add("DOCKER");
    if (swarm) {
      nat.chains.add("DOCKER-INGRESS");
      nat.rules.add("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER-INGRESS");
    }
    nat.rules.add("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
    if (swarm) {
      nat.rules.add("-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER-INGRESS");
    }
    nat.rules.add("-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER");
    if (swarm) {
      nat.rules.add("-A POSTROUTING -o docker_gwbridge -m addrtype --src-type LOCAL -j MASQUERADE");
      nat.rules.add("-A POSTROUTING -s 172.18.0.0/16 ! -o docker_gwbridge -j MASQUERADE");
    }
    nat.rules.add("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE");
    for (Mapping m : o.published()) {
      nat.rules.add("-A DOCKER ! -i docker0 -p tcp -m tcp --dport " + m.hostPort()
          + " -j DNAT --to-destination " + m.containerIp() + ":" + m.containerPort());
    }
    if (swarm) {
      for (int p : o.ingressPorts()) {
        nat.rules.add("-A DOCKER-INGRESS -p tcp -m tcp --dport " + p + " -j DNAT --to-destination "
            + DockerLab.SANDBOX_V4 + ":" + p);
      }
      nat.rules.add("-A DOCKER-INGRESS -j RETURN");
    }
    tables.add(nat);
    tables.add(filterV4());
    return tables;
  }

  private Table filterV4() {
    boolean swarm = o.swarm();
    Table f = filterSkeleton(swarm);
    if (o.encryptedOverlay()) {
      f.rules.add(INPUT_GUARD);
    }
    f.rules.add("-A FORWARD -j DOCKER-USER");
    f.rules.add("-A FORWARD -j DOCKER-FORWARD");
    for (Mapping m : o.published()) {
      f.rules.add("-A DOCKER -d " + m.containerIp() + "/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport "
          + m.containerPort() + " -j ACCEPT");
    }
    List<String> bridges = swarm ? List.of("docker0", "docker_gwbridge") : List.of("docker0");
    for (String b : bridges) {
      f.rules.add("-A DOCKER ! -i " + b + " -o " + b + " -j DROP");
    }
    for (String b : bridges) {
      f.rules.add("-A DOCKER-BRIDGE -o " + b + " -j DOCKER");
    }
    for (String b : bridges) {
      f.rules.add("-A DOCKER-CT -o " + b + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    }
    if (swarm) {
      f.rules.add("-A DOCKER-FORWARD -j DOCKER-INGRESS");
    }
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-CT");
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1");
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-BRIDGE");
    f.rules.add("-A DOCKER-FORWARD -i docker0 -j ACCEPT");
    if (swarm) {
      f.rules.add("-A DOCKER-FORWARD -i docker_gwbridge -o docker_gwbridge -j DROP");
      f.rules.add("-A DOCKER-FORWARD -i docker_gwbridge ! -o docker_gwbridge -j ACCEPT");
      for (int p : o.ingressPorts()) {
        f.rules.add("-A DOCKER-INGRESS -p tcp -m tcp --dport " + p + " -j ACCEPT");
        f.rules.add("-A DOCKER-INGRESS -p tcp -m tcp --sport " + p
            + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
      }
      f.rules.add("-A DOCKER-INGRESS -j RETURN");
    }
    for (String b : bridges) {
      f.rules.add("-A DOCKER-ISOLATION-STAGE-1 -i " + b + " ! -o " + b + " -j DOCKER-ISOLATION-STAGE-2");
    }
    for (String b : bridges) {
      f.rules.add("-A DOCKER-ISOLATION-STAGE-2 -o " + b + " -j DROP");
    }
    if (o.userChainReturn()) {
      f.rules.add("-A DOCKER-USER -j RETURN");
    }
    return f;
  }

  private List<Table> v6Tables() {
    Table nat = table("nat", "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    nat.chains.add("DOCKER");
    nat.rules.add("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
    nat.rules.add("-A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER");
    Table f = filterSkeleton(false);
    f.builtins.put("FORWARD", "ACCEPT"); // Docker sets DROP only if it enabled IPv6 forwarding itself
    f.rules.add("-A FORWARD -j DOCKER-USER");
    f.rules.add("-A FORWARD -j DOCKER-FORWARD");
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-CT");
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1");
    f.rules.add("-A DOCKER-FORWARD -j DOCKER-BRIDGE");
    if (o.userChainReturn()) {
      f.rules.add("-A DOCKER-USER -j RETURN");
    }
    return List.of(nat, f);
  }

  private Table filterSkeleton(boolean swarm) {
    Table f = table("filter", "INPUT", "FORWARD", "OUTPUT");
    f.builtins.put("FORWARD", o.forwardDrop() ? "DROP" : "ACCEPT");
    f.chains.addAll(List.of("DOCKER", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD"));
    if (swarm) {
      f.chains.add("DOCKER-INGRESS");
    }
    f.chains.addAll(List.of("DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", USER));
    return f;
  }

  private List<Mapping> distinctContainers() {
    Map<String, Mapping> byIp = new LinkedHashMap<>();
    for (Mapping m : o.published()) {
      byIp.putIfAbsent(m.containerIp(), m);
    }
    return List.copyOf(byIp.values());
  }

  private static Table table(String name, String... builtins) {
    Map<String, String> b = new LinkedHashMap<>();
    for (String c : builtins) {
      b.put(c, "ACCEPT");
    }
    return new Table(name, b, new ArrayList<>(), new ArrayList<>());
  }

  private static String render(List<Table> tables) {
    StringBuilder sb = new StringBuilder();
    for (Table t : tables) {
      sb.append('*').append(t.name).append('\n');
      t.builtins.forEach((c, p) -> sb.append(':').append(c).append(' ').append(p).append(" [0:0]\n"));
      t.chains.forEach(c -> sb.append(':').append(c).append(" - [0:0]\n"));
      t.rules.forEach(r -> sb.append(r).append('\n'));
      sb.append("COMMIT\n");
    }
    return sb.toString();
  }

  /**
   * What dockerd does at start, per moby: re-creates (flushes) its own chains and refills them;
   * creates DOCKER-USER only if missing and never touches its rules (≤ 28.2 appends one RETURN
   * if absent); "ensures" the FORWARD jumps (delete every copy, insert at position 1: DOCKER-FORWARD,
   * then DOCKER-USER above it); appends its other builtin-chain rules unless present (the
   * encrypted-overlay INPUT guard is inserted at the top); sets the FORWARD policy.
   */
  private static String renderStart(List<Table> tables, String currentSave) {
    Map<String, Set<String>> existingRules = new HashMap<>();
    Map<String, Set<String>> existingChains = new HashMap<>();
    parseSave(currentSave, existingRules, existingChains);
    StringBuilder sb = new StringBuilder();
    for (Table t : tables) {
      Set<String> rules = existingRules.getOrDefault(t.name, Set.of());
      Set<String> chains = existingChains.getOrDefault(t.name, Set.of());
      sb.append('*').append(t.name).append('\n');
      t.builtins.forEach((c, p) -> {
        if (!p.equals("ACCEPT")) {
          sb.append(':').append(c).append(' ').append(p).append(" [0:0]\n");
        }
      });
      for (String c : t.chains) {
        if (!c.equals(USER) || !chains.contains(USER)) {
          sb.append(':').append(c).append(" - [0:0]\n");
        }
      }
      List<String> ensured = new ArrayList<>();
      for (String r : t.rules) {
        String chain = r.split(" ")[1];
        if (ENSURED_JUMPS.contains(r)) {
          ensured.add(r);
        } else if (!t.builtins.containsKey(chain) && !chain.equals(USER)) {
          sb.append(r).append('\n');
        } else if (!rules.contains(r)) {
          sb.append(r.equals(INPUT_GUARD) ? r.replaceFirst("^-A INPUT", "-I INPUT 1") : r).append('\n');
        }
      }
      for (int i = ensured.size() - 1; i >= 0; i--) {
        String r = ensured.get(i);
        String del = r.replaceFirst("^-A ", "-D ");
        currentSave.lines().filter(l -> l.equals(r)).forEach(l -> sb.append(del).append('\n'));
        sb.append(r.replaceFirst("^-A FORWARD", "-I FORWARD 1")).append('\n');
      }
      sb.append("COMMIT\n");
    }
    return sb.toString();
  }

  private static void parseSave(String save, Map<String, Set<String>> rules, Map<String, Set<String>> chains) {
    String table = "";
    for (String line : save.split("\n")) {
      if (line.startsWith("*")) {
        table = line.substring(1);
      } else if (line.startsWith(":")) {
        chains.computeIfAbsent(table, k -> new HashSet<>()).add(line.substring(1).split(" ")[0]);
      } else if (line.startsWith("-A ")) {
        rules.computeIfAbsent(table, k -> new HashSet<>()).add(line);
      }
    }
  }
}
