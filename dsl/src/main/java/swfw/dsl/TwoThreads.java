package swfw.dsl;

/**
 * Two halves of a big piece of work at once, one on a second thread: the machines swfw runs on in CI
 * have two cores. Here, in the module every later phase depends on, so that parsing, lowering and
 * writing share one way of doing it.
 */
public final class TwoThreads {
  private TwoThreads() {}

  /** Work that returns a value or fails with {@code E}. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** The results of both halves. */
  public record Both<A, B>(A here, B there) {}

  /**
   * Runs {@code there} on a new thread called {@code name} while {@code here} runs on this one, and
   * returns when both have ended; the second thread never outlives the call. A failure of either is
   * thrown on this thread ({@code here}'s first), as if it had done both halves itself.
   */
  public static <A, B, E extends Exception> Both<A, B> run(String name, Work<A, E> here, Work<B, E> there) throws E {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread worker = new Thread(() -> {
      try {
        result[0] = there.run();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, name);
    worker.setDaemon(true);
    worker.start();
    A first;
    try {
      first = here.run();
    } finally {
      joinUninterruptibly(worker);
    }
    if (failure[0] != null) {
      throw TwoThreads.<E>rethrown(failure[0]);
    }
    @SuppressWarnings("unchecked")
    B second = (B) result[0];
    return new Both<>(first, second);
  }

  /** Joins, keeping an interrupt for the caller to see rather than leaving the thread running. */
  private static void joinUninterruptibly(Thread worker) {
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code there}'s failure as thrown: unchecked as it is, else the only checked kind it may throw. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrown(Throwable t) throws E {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return (E) t;
  }
}
