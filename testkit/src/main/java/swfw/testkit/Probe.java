package swfw.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real packets from one namespace to an address: TCP connect, UDP request/answer, ICMP echo.
 * IPv6 when the address contains a colon. Every probe is bounded in time: a dropped packet costs
 * exactly the timeout, everything else returns as soon as the kernel answers.
 *
 * <p>Tools: {@code socat} (TCP), {@code bash} (UDP via {@code /dev/udp}), {@code ping} (iputils).
 */
public final class Probe {

  /** How long a TCP connect may take before the port counts as FILTERED. */
  public static final Duration TCP_TIMEOUT = Duration.ofMillis(500);
  /** How long to wait for a UDP answer; longer than TCP because the answer needs a scheduled listener. */
  public static final Duration UDP_TIMEOUT = Duration.ofMillis(800);
  /** How long an OPEN connection may take to deliver the listener's name. */
  static final Duration BANNER_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration SLACK = Duration.ofSeconds(3);
  private static final Pattern PING = Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");

  private Probe() {
  }

  /** {@link #tcpConnect(Netns, String, int, Duration)} with {@link #TCP_TIMEOUT}. */
  public static ProbeResult tcpConnect(Netns from, String addr, int port) {
    return tcpConnect(from, addr, port, TCP_TIMEOUT);
  }

  /**
   * Connects from {@code from} to {@code addr:port}. OPEN with the listener's first line (its
   * name) when the handshake completes; CLOSED on RST or an ICMP unreachable; FILTERED when no
   * answer came within {@code timeout}.
   */
  public static ProbeResult tcpConnect(Netns from, String addr, int port, Duration timeout) {
    String target = isV6(addr) ? "TCP6:[" + addr + "]:" + port : "TCP4:" + addr + ":" + port;
    ExecResult r = from.exec(timeout.plus(BANNER_TIMEOUT).plus(SLACK), "socat",
        "-T" + seconds(BANNER_TIMEOUT), "-u", target + ",connect-timeout=" + seconds(timeout), "-");
    requireTool(r, "socat");
    String err = r.stderr();
    if (r.ok()) {
      return ProbeResult.open(firstLine(r.stdout()));
    }
    if (err.contains("timed out") || r.timedOut()) {
      return ProbeResult.filtered("Connection timed out");
    }
    if (err.contains("Operation not permitted")) {
      return ProbeResult.filtered("Operation not permitted (dropped by the sender's netfilter)");
    }
    if (err.contains("Connection reset")) {
      return ProbeResult.open(firstLine(r.stdout()));
    }
    String refusal = refusal(err);
    if (refusal != null) {
      return ProbeResult.closed(refusal);
    }
    throw new IllegalStateException("unexpected probe result: " + r.describe());
  }

  /** {@link #udp(Netns, String, int, Duration)} with {@link #UDP_TIMEOUT}. */
  public static ProbeResult udp(Netns from, String addr, int port) {
    return udp(from, addr, port, UDP_TIMEOUT);
  }

  /**
   * Sends one datagram ({@code "probe\n"}) and waits for one answer line. OPEN with the answer;
   * CLOSED on ICMP port unreachable (no listener, or {@code REJECT}); FILTERED on silence.
   * A listener that never answers looks FILTERED: use {@link Netns#listenUdp}.
   */
  public static ProbeResult udp(Netns from, String addr, int port, Duration timeout) {
    // dd reads one whole datagram; bash's own `read` would take one byte and discard the rest
    String script = "exec 3<>/dev/udp/$1/$2 || exit 3; printf 'probe\\n' >&3; "
        + "exec timeout $3 dd bs=65535 count=1 status=none <&3";
    ExecResult r = from.exec(timeout.plus(SLACK), "bash", "-c", script, "udp-probe", addr,
        Integer.toString(port), seconds(timeout));
    requireTool(r, "bash");
    if (r.ok()) {
      return ProbeResult.open(firstLine(r.stdout()));
    }
    if (r.exitCode() == 124 || r.timedOut()) {
      return ProbeResult.filtered("no answer");
    }
    if (r.stderr().contains("Operation not permitted")) {
      return ProbeResult.filtered("Operation not permitted (dropped by the sender's netfilter)");
    }
    String refusal = refusal(r.stderr());
    if (refusal != null) {
      return ProbeResult.closed(refusal);
    }
    throw new IllegalStateException("unexpected probe result: " + r.describe());
  }

  /**
   * Sends {@code count} ICMP (or ICMPv6) echo requests, {@code interval} apart, and counts the
   * replies; waits at most one second after the last request. Same ICMP id for the whole run,
   * so after the first packet conntrack sees the flood as ESTABLISHED (NETFILTER.md §6.6).
   */
  public static PingResult ping(Netns from, String addr, int count, Duration interval) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    Duration bound = interval.multipliedBy(count).plus(SLACK).plus(Duration.ofSeconds(1));
    ExecResult r = from.exec(bound, "ping", isV6(addr) ? "-6" : "-4", "-n", "-q", "-c",
        Integer.toString(count), "-i", seconds(interval), "-W", "1", addr);
    requireTool(r, "ping (apt-get install iputils-ping)");
    Matcher m = PING.matcher(r.stdout());
    if (!m.find()) {
      throw new IllegalStateException("cannot read ping's summary: " + r.describe());
    }
    return new PingResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** One echo request: true when answered within a second. */
  public static boolean pingOnce(Netns from, String addr) {
    return ping(from, addr, 1, Duration.ofMillis(200)).answered();
  }

  private static String refusal(String err) {
    for (String text : new String[] {"Connection refused", "No route to host", "Network is unreachable",
        "Host is unreachable", "Permission denied"}) {
      if (err.contains(text)) {
        return text;
      }
    }
    return null;
  }

  private static void requireTool(ExecResult r, String tool) {
    if (r.exitCode() == 255 && r.stderr().contains("exec of")) {
      throw new IllegalStateException("probe tool missing, install " + tool + ": " + r.describe());
    }
  }

  private static boolean isV6(String addr) {
    return addr.contains(":");
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
