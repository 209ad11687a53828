package dev.waasj.auth.token;

import dev.waasj.errors.TokenStoreException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One permit per key inside this JVM: the part of a refresh lease that threads and managers of one process share.
 * A semaphore rather than a lock, since nothing ties a permit to the thread that took it.
 */
final class LocalLeases {
  private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();

  /**
   * Takes the permit for {@code key}, waiting at most {@code maxWait}.
   *
   * @throws TokenStoreException if it was not free in time, or the thread was interrupted
   */
  Semaphore acquire(String key, Duration maxWait, String what) {
    Semaphore permit = permits.computeIfAbsent(key, k -> new Semaphore(1));
    try {
      if (!permit.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TokenStoreException(
            "Another refresh held the refresh lease of " + what + " for longer than " + maxWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenStoreException("Interrupted while waiting for the refresh lease of " + what, e);
    }
    return permit;
  }
}
