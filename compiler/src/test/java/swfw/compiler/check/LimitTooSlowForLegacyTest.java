package swfw.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import swfw.compiler.Policies;
import swfw.dsl.value.Rate;

class LimitTooSlowForLegacyTest {
  private static Rate rate(String text) {
    String[] parts = text.split("[/ ]");
    return new Rate(Integer.parseInt(parts[0]), Rate.Unit.parse(parts[1]),
        parts.length > 2 ? Integer.parseInt(parts[2]) : Rate.DEFAULT_BURST);
  }

  @Test
  void rejectsOneADayWithTheDefaultBurst() {
    assertEquals("""
        test.swfw:2:1: error[SW3002]: 'limit 1/day burst 5' is too slow for iptables-legacy: its bucket holds 5 days, \
        at most one day fits
         2 | allow tcp 22 limit 1/day;
           | ^~~~~~~~~~~~~~~~~~~~~~~~~
           = help: keep burst × time per packet within a day: 'limit 5/day burst 5', or 'limit 1/day burst 1'
           = note: the kernel's xt_limit counts the bucket in 32 bits; past a day it refuses the rule (the whole \
        restore fails) or keeps a smaller burst; iptables-nft loads it, but swfw's files must load on both
        """, Policies.diagnostics("public eth0;\nallow tcp 22 limit 1/day;\n"));
  }

  @Test
  void reportsAStatementOnceWhateverItsRoles() {
    String d = Policies.diagnostics("public eth0;\nallow tcp 22 limit 1/hour burst 25;\nnode a allow tcp 80;\n"
        + "node b allow tcp 81;\n");
    assertEquals(1, d.split("error\\[SW3002]", -1).length - 1, d);
    assertTrue(d.contains("its bucket holds 25 hours, at most one day fits"), d);
    assertTrue(d.contains("'limit 25/day burst 25', or 'limit 1/hour burst 24'"), d);
  }

  @Test
  void compilesNothingWhenALimitDoesNotFit() {
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> Policies.compile("public eth0;\nallow icmp echo-request limit 1/minute burst 1441;\n"));
    assertTrue(e.getMessage().contains("error[SW3002]"), e.getMessage());
  }

  /** Each pair: the slowest limit with that burst that fits, and the next slower or burstier one that does not. */
  @ParameterizedTest
  @CsvSource({
    "1/day 1, 1/day 2",
    "5/day 5, 4/day 5",
    "1/hour 24, 1/hour 25",
    "1/minute 1440, 1/minute 1441",
    "7/day 7, 7/day 8",
    "10000/day 10000, 9999/day 10000",
  })
  void boundaryIsOneDayOfCredit(String fits, String tooSlow) {
    assertTrue(LimitTooSlowForLegacy.fits(rate(fits)), fits);
    assertFalse(LimitTooSlowForLegacy.fits(rate(tooSlow)), tooSlow);
  }

  @Test
  void fastRatesFitWithAnyBurst() {
    assertTrue(LimitTooSlowForLegacy.fits(rate("10000/second 10000")));
    assertTrue(LimitTooSlowForLegacy.fits(rate("864000000/day 10000")));
    assertTrue(LimitTooSlowForLegacy.fits(rate("1/second 10000")));
    assertTrue(LimitTooSlowForLegacy.fits(rate("7/minute 10000")));
    assertFalse(LimitTooSlowForLegacy.fits(rate("6/minute 10000")));
  }

  @Test
  void periodIsRoundedDownAsLibxtLimitDoes() {
    assertEquals(123_428_571, LimitTooSlowForLegacy.period(rate("7/day")));
    assertEquals(1, LimitTooSlowForLegacy.period(rate("864000000/day")));
    assertEquals(1, LimitTooSlowForLegacy.largestBurst(rate("1/day")));
  }

  @Test
  void durationReadsInDaysOrHours() {
    assertEquals("5 days", LimitTooSlowForLegacy.duration(5 * LimitTooSlowForLegacy.MAX_BUCKET));
    assertEquals("30 hours", LimitTooSlowForLegacy.duration(LimitTooSlowForLegacy.period(rate("4/day")) * 5));
    assertEquals("24.02 hours", LimitTooSlowForLegacy.duration(LimitTooSlowForLegacy.period(rate("1/minute")) * 1441));
  }
}
