package swfw.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * iptables or ip6tables of one namespace: load rule files for real (never {@code --test}, which
 * on the nft backend only parses, NETFILTER.md §6.8) and save them in a form tests can compare
 * byte for byte.
 */
public final class Iptables {

  /** Which binaries: the system default ({@code iptables}, nf_tables here), or a fixed backend. */
  public enum Backend {
    DEFAULT(""), NFT("-nft"), LEGACY("-legacy");

    private final String suffix;

    Backend(String suffix) {
      this.suffix = suffix;
    }
  }

  private static final Pattern CHAIN_COUNTERS = Pattern.compile("^(:\\S+ \\S+) \\[\\d+:\\d+\\]$", Pattern.MULTILINE);

  private final Netns netns;
  private final boolean v6;
  private final Backend backend;

  private Iptables(Netns netns, boolean v6, Backend backend) {
    this.netns = netns;
    this.v6 = v6;
    this.backend = backend;
  }

  /** IPv4 ({@code iptables*}) in {@code netns}, system default backend. */
  public static Iptables v4(Netns netns) {
    return new Iptables(netns, false, Backend.DEFAULT);
  }

  /** IPv6 ({@code ip6tables*}) in {@code netns}, system default backend. */
  public static Iptables v6(Netns netns) {
    return new Iptables(netns, true, Backend.DEFAULT);
  }

  /** The same family and namespace with another backend (e.g. {@link Backend#LEGACY}). */
  public Iptables with(Backend other) {
    return new Iptables(netns, v6, other);
  }

  public boolean isV6() {
    return v6;
  }

  public Netns netns() {
    return netns;
  }

  /** Full (flushing) {@code iptables-restore} of {@code rules}; throws with the tool's message on failure. */
  public Iptables restore(String rules) {
    tryRestore(rules, false).orThrow();
    return this;
  }

  /** {@code iptables-restore --noflush} of {@code rules}; throws on failure. */
  public Iptables restoreNoflush(String rules) {
    tryRestore(rules, true).orThrow();
    return this;
  }

  /** Loads {@code rules} and returns the result, for tests that expect a load to fail (atomically). */
  public ExecResult tryRestore(String rules, boolean noflush) {
    List<String> cmd = new ArrayList<>(List.of(binary("-restore"), "-w"));
    if (noflush) {
      cmd.add("--noflush");
    }
    return netns.execInput(rules, Lab.DEFAULT_TIMEOUT, cmd.toArray(String[]::new));
  }

  /**
   * {@code iptables-save} of every table, normalised with {@link #normalise}. Table order is the
   * tool's (stable for a given history of loads).
   */
  public String save() {
    return normalise(netns.run(binary("-save")));
  }

  /**
   * One table of {@link #save()}; "" when the table does not exist (cut from the full save
   * because {@code iptables-nft-save -t nat} prints an empty nat table even when there is none).
   */
  public String save(String table) {
    StringBuilder sb = new StringBuilder();
    boolean in = false;
    for (String line : save().split("\n", -1)) {
      if (line.startsWith("*")) {
        in = line.equals("*" + table);
      }
      if (in) {
        sb.append(line).append('\n');
        in = !line.equals("COMMIT");
      }
    }
    return sb.toString();
  }

  /** Runs {@code iptables -w args…} (e.g. {@code "-N", "DOCKER-USER"}) and returns its stdout; throws on failure. */
  public String run(String... args) {
    return exec(args).orThrow().stdout();
  }

  /** Runs {@code iptables -w args…} and returns the result whatever the exit status. */
  public ExecResult exec(String... args) {
    List<String> cmd = new ArrayList<>(List.of(binary(""), "-w"));
    cmd.addAll(Arrays.asList(args));
    return netns.exec(cmd.toArray(String[]::new));
  }

  /**
   * Strips what differs between two saves of the same rules: comment lines ({@code # Generated
   * by … on <date>}, {@code # Completed on …}, backend warnings) and chain counters
   * ({@code :INPUT ACCEPT [12:3456]} becomes {@code [0:0]}). Rule order and text are untouched.
   */
  public static String normalise(String save) {
    String noComments = save.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
    String text = CHAIN_COUNTERS.matcher(noComments).replaceAll("$1 [0:0]");
    return text.equals("\n") ? "" : text;
  }

  private String binary(String kind) {
    return (v6 ? "ip6tables" : "iptables") + backend.suffix + kind;
  }

  @Override
  public String toString() {
    return binary("") + "@" + netns.role();
  }
}
