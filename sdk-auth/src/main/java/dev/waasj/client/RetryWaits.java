package dev.waasj.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * The waits between attempts: a synchronous call sleeps on its own thread, an asynchronous one is scheduled on a
 * timer and holds no thread meanwhile. Tests replace the real waits with a {@link Sleeper} that records them.
 */
abstract class RetryWaits {
  /** Waits between attempts; replaced in tests by one that records the waits instead. */
  interface Sleeper {
    /**
     * Waits {@code millis}, or less if {@code call} is cancelled meanwhile.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(long millis, Call call) throws InterruptedException;
  }

  /** Real time: sleeps in slices, so a cancelled call stops waiting within 50 ms; schedules on one timer thread. */
  static final RetryWaits REAL_TIME = new RealTime();

  /**
   * Waits as {@code sleeper} says, for both kinds of call: an asynchronous retry sleeps on a thread of its own, so
   * a test's sleeper may block without starving any pool.
   */
  static RetryWaits sleeping(Sleeper sleeper) {
    return new RetryWaits() {
      @Override
      void sleep(long millis, Call call) throws InterruptedException {
        sleeper.sleep(millis, call);
      }

      @Override
      Future<?> schedule(long millis, Call call, Runnable task) {
        return CompletableFuture.runAsync(
            () -> {
              try {
                sleeper.sleep(millis, call);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              task.run();
            },
            r -> new Thread(r, "waasj-test-retry-wait").start());
      }
    };
  }

  /** Blocks the calling thread for {@code millis}, or less if {@code call} is cancelled. */
  abstract void sleep(long millis, Call call) throws InterruptedException;

  /** Runs {@code task} after {@code millis} without holding a thread meanwhile. */
  abstract Future<?> schedule(long millis, Call call, Runnable task);

  private static final class RealTime extends RetryWaits {
    @Override
    void sleep(long millis, Call call) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      long left;
      while (!call.isCanceled() && (left = end - System.nanoTime()) > 0) {
        Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }

    @Override
    Future<?> schedule(long millis, Call call, Runnable task) {
      return Timer.INSTANCE.schedule(task, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * One daemon thread for every client's retry timers, started on the first asynchronous retry. It only enqueues
   * the next attempt (no I/O, no user code), so one thread serves any number of waits.
   */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "waasj-retry-timer");
                t.setDaemon(true);
                return t;
              });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
