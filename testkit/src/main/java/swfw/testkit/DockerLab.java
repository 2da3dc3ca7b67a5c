package swfw.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A swarm node as Docker 28 leaves it, rebuilt from namespaces and iptables. <b>This stands in
 * for the Docker engine, which cannot run here</b>: there is no dockerd, no docker-proxy, no
 * IPVS and no overlay network, only the topology and the netfilter rules Docker installs
 * (NETFILTER.md §1.3, {@code netfilter/exp/docker28-swarm-fixture.rules}), loaded into the real
 * kernel with {@code iptables-restore}.
 *
 * <pre>
 *   inet (203.0.113.10, 2001:db8:1::10)           peer (10.10.10.2, 2001:db8:10::2)
 *        | eth0                                          | eth0
 *        | eth0  203.0.113.1/24, 2001:db8:1::1/64        | ens11  10.10.10.1/24, 2001:db8:10::1/64
 *   host ------------------------------------------------+
 *        | docker0 172.17.0.1/16                 | docker_gwbridge 172.18.0.1/16 (swarm only)
 *   ctr (172.17.0.2, -p 8080:80, answers ctr:80)  isb (172.18.0.2, ingress-sbox stand-in, answers isb:PORT)
 * </pre>
 *
 * <p>Recreated: the {@code docker0} bridge with containers behind DNAT'd published ports (nat
 * {@code DOCKER}, filter {@code DOCKER} accept, {@code FORWARD → DOCKER-USER, DOCKER-FORWARD →
 * DOCKER-CT, DOCKER-ISOLATION-STAGE-1/2, DOCKER-BRIDGE → DOCKER}, {@code MASQUERADE}, the raw
 * "direct routing" drops of 28.0+), FORWARD policy DROP, optionally the swarm routing mesh
 * ({@code docker_gwbridge}, {@code DOCKER-INGRESS} DNAT keeping the port, ingress-sbox answering
 * itself instead of IPVS), the encrypted-overlay INPUT guard, Docker ≤ 28.2's trailing
 * {@code -A DOCKER-USER -j RETURN}, and the ip6tables chains Docker 27+ creates (DOCKER-USER,
 * DOCKER-FORWARD, …; no IPv6 bridge network). {@code inet} has a route to 172.16.0.0/12 via the
 * host so tests can try to reach container addresses directly.
 */
public final class DockerLab {

  public static final String PUBLIC_IF = "eth0";
  public static final String INTERNAL_IF = "ens11";
  public static final String HOST_V4 = "203.0.113.1";
  public static final String HOST_V6 = "2001:db8:1::1";
  public static final String INTERNET_V4 = "203.0.113.10";
  public static final String INTERNET_V6 = "2001:db8:1::10";
  public static final String HOST_INTERNAL_V4 = "10.10.10.1";
  public static final String HOST_INTERNAL_V6 = "2001:db8:10::1";
  public static final String PEER_V4 = "10.10.10.2";
  public static final String PEER_V6 = "2001:db8:10::2";
  /** Address of the first container ({@code ctr}); later containers get .3, .4, … */
  public static final String CONTAINER_V4 = "172.17.0.2";
  /** Address of the ingress-sbox stand-in on docker_gwbridge. */
  public static final String SANDBOX_V4 = "172.18.0.2";

  private final Lab lab;
  private final Netns host;
  private final Netns internet;
  private final Netns peer;
  private final Map<String, Netns> containers;
  private final Netns sandbox;
  private final DockerRules rules;
  private final boolean ipv6;

  private DockerLab(Lab lab, Netns host, Netns internet, Netns peer, Map<String, Netns> containers,
                    Netns sandbox, DockerRules rules, boolean ipv6) {
    this.lab = lab;
    this.host = host;
    this.internet = internet;
    this.peer = peer;
    this.containers = containers;
    this.sandbox = sandbox;
    this.rules = rules;
    this.ipv6 = ipv6;
  }

  /** Options; {@link Builder#build(Lab)} creates the namespaces in the given lab. */
  public static Builder builder() {
    return new Builder();
  }

  public Lab lab() {
    return lab;
  }

  /** The node: {@code eth0} public, {@code ens11} internal, docker0 (and docker_gwbridge). */
  public Netns host() {
    return host;
  }

  /** A host on the internet side of {@code eth0}. */
  public Netns internet() {
    return internet;
  }

  /** A host on the internal network behind {@code ens11} (another swarm node, say). */
  public Netns peer() {
    return peer;
  }

  /** The first container, role {@code ctr}. */
  public Netns container() {
    return containers.values().iterator().next();
  }

  /** The container created with {@code role}. */
  public Netns container(String role) {
    Netns c = containers.get(role);
    if (c == null) {
      throw new IllegalArgumentException("no container '" + role + "', have " + containers.keySet());
    }
    return c;
  }

  /** The ingress-sbox stand-in (role {@code isb}); only with {@link Builder#swarmIngress}. */
  public Netns ingressSandbox() {
    if (sandbox == null) {
      throw new IllegalStateException("no swarm ingress in this DockerLab: use builder().swarmIngress(port)");
    }
    return sandbox;
  }

  /** The node's iptables. */
  public Iptables iptables() {
    return host.iptables();
  }

  /** The node's ip6tables. */
  public Iptables ip6tables() {
    return host.ip6tables();
  }

  /** Docker's IPv4 rules as a full {@code iptables-restore} file (= its {@code iptables-save} on a fresh host). */
  public String dockerRulesV4() {
    return rules.fullV4();
  }

  /** Docker's IPv6 rules as a full {@code ip6tables-restore} file; "" when built with {@code ipv6(false)}. */
  public String dockerRulesV6() {
    return ipv6 ? rules.fullV6() : "";
  }

  /**
   * Does what dockerd does to netfilter when it (re)starts on this host's current rules, one
   * {@code --noflush} transaction per family: its own chains are re-created and refilled, an
   * existing DOCKER-USER and its rules are kept (created when missing), the FORWARD jumps are
   * moved to the top, missing builtin-chain rules are added, FORWARD policy set to DROP.
   * Idempotent, like a daemon restart. Use it after loading a boot file to test "Docker starts
   * after the firewall".
   */
  public DockerLab startDocker() {
    host.iptables().restoreNoflush(rules.startV4(host.iptables().save()));
    if (ipv6) {
      host.ip6tables().restoreNoflush(rules.startV6(host.ip6tables().save()));
    }
    return this;
  }

  /** The noflush transaction {@link #startDocker()} would load now (IPv4), for inspection. */
  public String dockerStartTransactionV4() {
    return rules.startV4(host.iptables().save());
  }

  /** Options for a {@link DockerLab}. Defaults: one container {@code ctr} with {@code -p 8080:80}, IPv6 chains, FORWARD DROP, Docker running. */
  public static final class Builder {
    private final Map<String, List<int[]>> published = new LinkedHashMap<>();
    private final List<Integer> ingress = new ArrayList<>();
    private boolean userChainReturn;
    private boolean encryptedOverlay;
    private boolean forwardDrop = true;
    private boolean ipv6 = true;
    private boolean running = true;

    private Builder() {
    }

    /** {@code docker run -p hostPort:containerPort} on the first container, {@code ctr}. */
    public Builder publish(int hostPort, int containerPort) {
      return container("ctr", hostPort, containerPort);
    }

    /** A container {@code role} on docker0 (next free 172.17.0.x) publishing {@code hostPort → containerPort}; call again to add ports. */
    public Builder container(String role, int hostPort, int containerPort) {
      if (role.equals("host") || role.equals("inet") || role.equals("peer") || role.equals("isb")) {
        throw new IllegalArgumentException("role '" + role + "' is taken by the DockerLab topology");
      }
      published.computeIfAbsent(role, r -> new ArrayList<>()).add(new int[] {hostPort, containerPort});
      return this;
    }

    /** Swarm routing mesh: docker_gwbridge, ingress-sbox stand-in {@code isb}, DOCKER-INGRESS DNAT for these ports (port kept). */
    public Builder swarmIngress(int... ports) {
      for (int p : ports) {
        ingress.add(p);
      }
      return this;
    }

    /** Docker ≤ 28.2: DOCKER-USER ends with {@code -j RETURN} (removed in 28.3.0). */
    public Builder dockerUserReturn(boolean on) {
      this.userChainReturn = on;
      return this;
    }

    /** An encrypted overlay exists: Docker's INPUT guard for VXLAN 4789 and the mangle MARK rule. */
    public Builder encryptedOverlay(boolean on) {
      this.encryptedOverlay = on;
      return this;
    }

    /** Whether Docker set FORWARD policy DROP (it does when it enabled ip_forward itself); default true. */
    public Builder forwardPolicyDrop(boolean on) {
      this.forwardDrop = on;
      return this;
    }

    /** Whether to create Docker's ip6tables chains (Docker 27+ default); default true. */
    public Builder ipv6(boolean on) {
      this.ipv6 = on;
      return this;
    }

    /** false: build the topology only, no Docker rules yet (call {@link DockerLab#startDocker()} later); default true. */
    public Builder dockerRunning(boolean on) {
      this.running = on;
      return this;
    }

    /** Creates the namespaces, links, listeners and (unless {@code dockerRunning(false)}) Docker's rules in {@code lab}. */
    public DockerLab build(Lab lab) {
      if (published.isEmpty()) {
        publish(8080, 80);
      }
      return new DockerLabBuilder(lab, published, ingress, ipv6).build(
          new DockerRules.Options(mappings(), ingress, userChainReturn, encryptedOverlay, forwardDrop), running);
    }

    private List<DockerRules.Mapping> mappings() {
      List<DockerRules.Mapping> list = new ArrayList<>();
      int i = 0;
      for (List<int[]> ports : published.values()) {
        String ip = containerIp(i++);
        for (int[] p : ports) {
          list.add(new DockerRules.Mapping(ip, p[0], p[1]));
        }
      }
      return list;
    }
  }

  static String containerIp(int index) {
    return "172.17.0." + (2 + index);
  }

  /** Wiring for {@link Builder#build}; kept apart so each class stays readable. */
  static DockerLab of(Lab lab, Netns host, Netns internet, Netns peer, Map<String, Netns> containers,
                      Netns sandbox, DockerRules rules, boolean ipv6) {
    return new DockerLab(lab, host, internet, peer, containers, sandbox, rules, ipv6);
  }
}
