package swfw.compiler.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import swfw.diag.Diagnostics;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.check.Resolved;
import swfw.dsl.value.Rate;

/**
 * SW3002: a rate limit whose bucket (burst × time per packet) holds more than one day, which
 * iptables-legacy cannot load as written.
 *
 * <p>libxt_limit stores the time per packet in 1/10000 s ({@code avg}), and the kernel's xt_limit keeps
 * the bucket, {@code avg × burst}, as 32-bit credits sized so that one day fits whatever the kernel's HZ
 * ({@code CREDITS_PER_JIFFY × HZ × 86400 < 2^32}). Past that the products wrap around: the kernel refuses
 * some such rules ({@code ERANGE}, and the whole restore fails) and silently keeps a smaller bucket for
 * others ({@code 2/day burst 5} lets one packet through, not five); where exactly depends on HZ (between
 * one and about two days). iptables-nft translates the match to nftables' own limit, which takes every
 * rate swfw accepts; swfw's files must load on both, so every bucket is held to one day.
 */
public final class LimitTooSlowForLegacy {
  public static final String CODE = "SW3002";
  /** libxt_limit's unit: 1/10000 s. */
  private static final long SCALE = 10_000;
  private static final long DAY = 86_400;
  /** The largest bucket, in libxt_limit's unit, every kernel holds exactly: one day. */
  static final long MAX_BUCKET = SCALE * DAY;

  private LimitTooSlowForLegacy() {}

  /** Reports every limit of the policy (once per statement, whatever its roles) that does not fit. */
  public static void check(CheckedPolicy policy, Diagnostics diags) {
    for (Resolved r : policy.statements()) {
      if (r instanceof Resolved.Filter f && f.match().limit().isPresent() && !fits(f.match().limit().get())) {
        report(f, f.match().limit().get(), diags);
      }
    }
  }

  /** Whether iptables-legacy holds the limit's whole bucket on every kernel. */
  public static boolean fits(Rate rate) {
    return period(rate) * rate.burst() <= MAX_BUCKET;
  }

  /** The time per packet as libxt_limit stores it ({@code XT_LIMIT_SCALE * mult / r}, rounded down). */
  static long period(Rate rate) {
    return SCALE * seconds(rate.unit()) / rate.count();
  }

  /** The largest burst that fits at this rate (at least 1: the slowest rate, 1/day, fits with burst 1). */
  static long largestBurst(Rate rate) {
    return MAX_BUCKET / period(rate);
  }

  private static void report(Resolved.Filter f, Rate rate, Diagnostics diags) {
    String written = rate.count() + "/" + rate.unit().name().toLowerCase(java.util.Locale.ROOT);
    diags.error(CODE, f.span(), "'limit " + written + " burst " + rate.burst() + "' is too slow for iptables-legacy: its "
        + "bucket holds " + duration(period(rate) * rate.burst()) + ", at most one day fits",
        "keep burst × time per packet within a day: 'limit " + rate.burst() + "/day burst " + rate.burst()
            + "', or 'limit " + written + " burst " + largestBurst(rate) + "'",
        "note: the kernel's xt_limit counts the bucket in 32 bits; past a day it refuses the rule (the whole restore "
            + "fails) or keeps a smaller burst; iptables-nft loads it, but swfw's files must load on both");
  }

  /** {@code 5 days}, {@code 30 hours}, {@code 24.02 hours}: more than a day, so never under 24 hours. */
  static String duration(long bucket) {
    BigDecimal seconds = BigDecimal.valueOf(bucket).divide(BigDecimal.valueOf(SCALE));
    boolean days = seconds.compareTo(BigDecimal.valueOf(2 * DAY)) >= 0;
    BigDecimal n = seconds.divide(BigDecimal.valueOf(days ? DAY : 3600), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    return n.toPlainString() + (days ? " days" : " hours");
  }

  private static long seconds(Rate.Unit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MINUTE -> 60;
      case HOUR -> 3600;
      case DAY -> DAY;
    };
  }
}
