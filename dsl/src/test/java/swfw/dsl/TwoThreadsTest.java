package swfw.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TwoThreadsTest {
  @Test
  void returnsBothHalvesAndRunsTheSecondOnItsOwnThread() {
    Thread caller = Thread.currentThread();
    TwoThreads.Both<Thread, Thread> both = TwoThreads.run("t", Thread::currentThread, Thread::currentThread);
    assertSame(caller, both.here());
    assertEquals("t", both.there().getName());
  }

  @Test
  void throwsTheSecondHalfsCheckedFailureOnTheCaller() {
    IOException e = assertThrows(IOException.class, () -> TwoThreads.run("t", () -> 1, () -> {
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
  }

  @Test
  void waitsForTheSecondHalfBeforeThrowingTheFirstHalfsFailure() {
    AtomicBoolean secondEnded = new AtomicBoolean();
    assertThrows(IllegalStateException.class, () -> TwoThreads.run("t", () -> {
      throw new IllegalStateException("first");
    }, () -> {
      Thread.sleep(50);
      secondEnded.set(true);
      return 2;
    }));
    assertTrue(secondEnded.get());
  }
}
