package swfw.compiler.iptables;

import java.util.Optional;

/**
 * One jump from a chain swfw does not own (INPUT, OUTPUT, DOCKER-USER) into one of swfw's, optionally
 * only for packets arriving on one interface: a guarded interface's chain is hooked directly, so a
 * packet crosses no dispatching rule.
 */
public record Hook(String from, Optional<String> in, String to) {
  /** The comment that marks swfw's jumps, so they are found exactly in iptables-save output. */
  public static final String MARK = "swfw-hook";

  /** The options after {@code -A FROM}, as iptables-save prints them. */
  public String spec() {
    return in.map(i -> "-i " + i + " ").orElse("") + "-m comment --comment " + MARK + " -j " + to;
  }
}
