package swfw.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link DockerLab} topology with as few processes as possible (one {@code ip -batch} per namespace). */
final class DockerLabBuilder {

  private final Lab lab;
  private final Map<String, List<int[]>> published;
  private final List<Integer> ingress;
  private final boolean ipv6;

  DockerLabBuilder(Lab lab, Map<String, List<int[]>> published, List<Integer> ingress, boolean ipv6) {
    this.lab = lab;
    this.published = published;
    this.ingress = List.copyOf(ingress);
    this.ipv6 = ipv6;
  }

  DockerLab build(DockerRules.Options options, boolean dockerRunning) {
    Netns host = lab.netns("host");
    Netns inet = lab.netns("inet");
    Netns peer = lab.netns("peer");
    Map<String, Netns> containers = new LinkedHashMap<>();
    for (String role : published.keySet()) {
      containers.put(role, lab.netns(role));
    }
    Netns isb = ingress.isEmpty() ? null : lab.netns("isb");

    lab.createVeth(host, DockerLab.PUBLIC_IF, inet, "eth0");
    lab.createVeth(host, DockerLab.INTERNAL_IF, peer, "eth0");
    List<String> hostCmds = new ArrayList<>(List.of(
        "link set eth0 up", "addr add " + DockerLab.HOST_V4 + "/24 dev eth0",
        "addr add " + DockerLab.HOST_V6 + "/64 dev eth0 nodad",
        "link set ens11 up", "addr add " + DockerLab.HOST_INTERNAL_V4 + "/24 dev ens11",
        "addr add " + DockerLab.HOST_INTERNAL_V6 + "/64 dev ens11 nodad",
        "link add docker0 type bridge", "addr add 172.17.0.1/16 dev docker0", "link set docker0 up"));
    int i = 0;
    for (Netns c : containers.values()) {
      String veth = "vc" + (i + 1);
      lab.createVeth(host, veth, c, "eth0");
      hostCmds.add("link set " + veth + " master docker0");
      hostCmds.add("link set " + veth + " up");
      c.ipBatch(List.of("link set eth0 up", "addr add " + DockerLab.containerIp(i) + "/16 dev eth0",
          "route add default via 172.17.0.1"));
      i++;
    }
    if (isb != null) {
      lab.createVeth(host, "vg1", isb, "eth0");
      hostCmds.addAll(List.of("link add docker_gwbridge type bridge", "addr add 172.18.0.1/16 dev docker_gwbridge",
          "link set docker_gwbridge up", "link set vg1 master docker_gwbridge", "link set vg1 up"));
      isb.ipBatch(List.of("link set eth0 up", "addr add " + DockerLab.SANDBOX_V4 + "/16 dev eth0",
          "route add default via 172.18.0.1"));
    }
    host.ipBatch(hostCmds);
    inet.ipBatch(List.of("link set eth0 up", "addr add " + DockerLab.INTERNET_V4 + "/24 dev eth0",
        "addr add " + DockerLab.INTERNET_V6 + "/64 dev eth0 nodad",
        "route add 172.16.0.0/12 via " + DockerLab.HOST_V4));
    peer.ipBatch(List.of("link set eth0 up", "addr add " + DockerLab.PEER_V4 + "/24 dev eth0",
        "addr add " + DockerLab.PEER_V6 + "/64 dev eth0 nodad"));
    host.ipForward();

    startListeners(containers, isb);
    DockerRules rules = new DockerRules(options);
    DockerLab d = DockerLab.of(lab, host, inet, peer, containers, isb, rules, ipv6);
    if (dockerRunning) {
      host.iptables().restore(rules.fullV4());
      if (ipv6) {
        host.ip6tables().restore(rules.fullV6());
      }
    }
    return d;
  }

  /** Starts every listener first and then waits for all, so their start-up times overlap. */
  private void startListeners(Map<String, Netns> containers, Netns isb) {
    List<Runnable> waits = new ArrayList<>();
    for (Map.Entry<String, List<int[]>> e : published.entrySet()) {
      Netns c = containers.get(e.getKey());
      for (int port : e.getValue().stream().mapToInt(p -> p[1]).distinct().toArray()) {
        Background b = Listener.start(c, "tcp", port, c.role() + ":" + port);
        waits.add(() -> b.awaitTcpListening(port, Netns.LISTENER_START));
      }
    }
    if (isb != null) {
      for (int port : ingress) {
        Background b = Listener.start(isb, "tcp", port, isb.role() + ":" + port);
        waits.add(() -> b.awaitTcpListening(port, Netns.LISTENER_START));
      }
    }
    waits.forEach(Runnable::run);
  }
}
