package swfw.dsl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {
  /**
   * Expected values are what iptables-save (1.8.9, legacy and nft) printed for
   * {@code -m limit --limit RATE}: libxt_limit's print_rate picks the largest unit that divides
   * the scaled period (1/10000 s) closely enough, after integer division.
   */
  @ParameterizedTest
  @CsvSource({
    "8, SECOND, 8/sec",
    "480, MINUTE, 8/sec",
    "1, HOUR, 1/hour",
    "90, MINUTE, 90/min",
    "24, DAY, 1/hour",
    "7, MINUTE, 7/min",
    "100, HOUR, 100/hour",
    "3, SECOND, 3/sec",
    "20000, MINUTE, 333/sec",
    "1, DAY, 1/day",
    "1, SECOND, 1/sec",
    "10000, SECOND, 10000/sec",
    "60, MINUTE, 1/sec",
    "2, MINUTE, 2/min",
    "3, HOUR, 3/hour",
  })
  void printsAsIptablesSaveDoes(int count, Rate.Unit unit, String printed) {
    assertEquals(printed, new Rate(count, unit, Rate.DEFAULT_BURST).iptables());
  }

  @ParameterizedTest
  @CsvSource({
    "s, SECOND", "sec, SECOND", "second, SECOND", "SECOND, SECOND",
    "m, MINUTE", "min, MINUTE", "minute, MINUTE",
    "h, HOUR", "hour, HOUR", "d, DAY", "day, DAY", "Day, DAY",
  })
  void acceptsTheUnitWordsIptablesAccepts(String word, Rate.Unit unit) {
    assertEquals(unit, Rate.Unit.parse(word));
  }

  /** iptables rejects {@code 8/seconds} and {@code 8/week} (NETFILTER.md §6.4). */
  @ParameterizedTest
  @ValueSource(strings = {"seconds", "week", "fortnight", "", "ms", "hr", "hours"})
  void rejectsOtherUnitWords(String word) {
    assertNull(Rate.Unit.parse(word));
  }

  @Test
  void describesItselfForDumps() {
    assertEquals("8/second burst 10", new Rate(8, Rate.Unit.SECOND, 10).toString());
  }
}
