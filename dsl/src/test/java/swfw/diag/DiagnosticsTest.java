package swfw.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static final Path A = Path.of("a.swfw");
  private static final Path B = Path.of("b.swfw");

  @Test
  void keepsAtMostTheBoundOfErrorsButCountsThemAll() {
    Diagnostics d = new Diagnostics();
    for (int i = 0; i < Diagnostics.MAX_ERRORS + 5; i++) {
      d.error("SW0001", Span.of(A, i + 1, 1, 1), "e" + i);
    }
    assertTrue(d.truncated());
    assertEquals(Diagnostics.MAX_ERRORS + 5, d.errorCount());
    assertEquals(Diagnostics.MAX_ERRORS, d.sorted().size());
  }

  @Test
  void keepsWarningsAfterTheErrorBound() {
    Diagnostics d = new Diagnostics();
    for (int i = 0; i < Diagnostics.MAX_ERRORS + 1; i++) {
      d.error("SW0001", Span.of(A, 1, 1, 1), "e");
    }
    d.warning("SW2004", Span.of(A, 2, 1, 1), "w");
    assertEquals(1, d.warningCount());
    assertEquals(Diagnostics.MAX_ERRORS + 1, d.sorted().size());
  }

  @Test
  void addsAnotherCollectionWithItsDroppedCounts() {
    Diagnostics other = new Diagnostics();
    for (int i = 0; i < Diagnostics.MAX_ERRORS + 3; i++) {
      other.error("SW0001", Span.of(A, 1, 1, 1), "e");
    }
    other.warning("SW2004", Span.of(A, 1, 1, 1), "w");
    Diagnostics d = new Diagnostics();
    d.addAll(other);
    assertEquals(Diagnostics.MAX_ERRORS + 3, d.errorCount());
    assertEquals(1, d.warningCount());
    assertTrue(d.truncated());
  }

  @Test
  void sortsByFileLineAndColumnKeepingReportOrderForTies() {
    Diagnostics d = new Diagnostics();
    d.error("SW0001", Span.of(B, 1, 1, 1), "b1");
    d.error("SW0001", Span.of(A, 3, 5, 1), "a3:5");
    d.warning("SW0001", Span.of(A, 3, 2, 1), "a3:2");
    d.error("SW0001", Span.of(A, 1, 9, 1), "a1 first");
    d.error("SW0001", Span.of(A, 1, 9, 1), "a1 second");
    List<String> order = d.sorted().stream().map(Diagnostic::message).collect(Collectors.toList());
    assertEquals(List.of("a1 first", "a1 second", "a3:2", "a3:5", "b1"), order);
  }

  @Test
  void warningsAloneAreNotErrors() {
    Diagnostics d = new Diagnostics();
    d.warning("SW2004", Span.of(A, 1, 1, 1), "w");
    assertFalse(d.hasErrors());
    assertEquals(0, d.errorCount());
    assertFalse(d.truncated());
  }
}
