package swfw.dsl.value;

/** A rate limit: {@code count} per {@code unit}, with a burst (iptables' default is 5). */
public record Rate(int count, Unit unit, int burst) {
  public static final int DEFAULT_BURST = 5;

  public enum Unit {
    SECOND("sec"),
    MINUTE("min"),
    HOUR("hour"),
    DAY("day");

    private final String iptables;

    Unit(String iptables) {
      this.iptables = iptables;
    }

    public String iptables() {
      return iptables;
    }

    /** The unit for a word a user may write, or null. */
    public static Unit parse(String word) {
      return switch (word.toLowerCase(java.util.Locale.ROOT)) {
        case "s", "sec", "second" -> SECOND;
        case "m", "min", "minute" -> MINUTE;
        case "h", "hour" -> HOUR;
        case "d", "day" -> DAY;
        default -> null;
      };
    }
  }

  private static final long SCALE = 10000;
  private static final long[] MULT = {SCALE * 86400, SCALE * 3600, SCALE * 60, SCALE};
  private static final String[] NAMES = {"day", "hour", "min", "sec"};

  /**
   * The rate as iptables-save prints it back ({@code 480/minute} becomes {@code 8/sec}), computed
   * as libxt_limit's print_rate does, so generated text and saved text compare equal.
   */
  public String iptables() {
    long period = MULT[3 - unit.ordinal()] / count;
    int i = 1;
    for (; i < MULT.length; i++) {
      if (period > MULT[i] || MULT[i] / period < MULT[i] % period) {
        break;
      }
    }
    return (MULT[i - 1] / period) + "/" + NAMES[i - 1];
  }

  @Override
  public String toString() {
    return count + "/" + unit.name().toLowerCase(java.util.Locale.ROOT) + " burst " + burst;
  }
}
