package dev.waasj.auth.token;

import dev.waasj.errors.TokenStoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The right to refresh one organization's token, held by at most one {@link OrgTokenManager} among all that share
 * a {@link TokenStore}, in this process or any other. The manager holding it reads the store again (another holder
 * may have refreshed already), refreshes only if it must, saves through the lease, and closes it.
 *
 * <p>A lease lapses when its holder dies or holds it longer than the time it was taken for; a store that can tell
 * then refuses a save through a lapsed lease (fencing), so a paused process never overwrites a newer token.
 * Implementations need not be thread-safe: one thread uses a lease, then closes it.
 */
public interface RefreshLease extends AutoCloseable {
  /** The token stored now, read under the lease; null when there is none. */
  @Nullable OrgToken load();

  /**
   * Stores {@code token}, replacing the stored one.
   *
   * @throws dev.waasj.errors.TokenStoreException if the lease has lapsed (another holder may have stored a newer
   *     token) or the store failed; the token was then not stored
   */
  void save(OrgToken token);

  /** Gives the lease up. Never throws: a lease that cannot be released lapses by itself. */
  @Override
  void close();

  /**
   * A lease that coordinates nothing: loads and saves go straight to {@code store}. What a {@link TokenStore} that
   * cannot coordinate returns; the managers sharing it then rely on {@code invalid_grant} handling alone.
   */
  static RefreshLease unguarded(TokenStore store, String clientId, String orgId) {
    return new RefreshLease() {
      @Override
      public @Nullable OrgToken load() {
        return store.load(clientId, orgId);
      }

      @Override
      public void save(OrgToken token) {
        store.save(token);
      }

      @Override
      public void close() {}

      @Override
      public String toString() {
        return "RefreshLease{unguarded, " + store + '}';
      }
    };
  }

  /**
   * One try at taking a lease, for {@link #poll}: the lease if it was free, or null while another holder has it.
   * Store failures are thrown as {@link TokenStoreException}.
   */
  @FunctionalInterface
  interface Attempt {
    /** Takes the lease if it is free; null if another holder has it. */
    @Nullable RefreshLease tryAcquire();
  }

  /**
   * The waiting part of {@link TokenStore#acquireRefreshLease} for a store whose locks cannot block (a row, a key):
   * tries {@code attempt} until it returns a lease, pausing 5 ms after the first failed try and twice as long after
   * each next one, at most 100 ms, so a lease freed after a long refresh costs the store about ten reads a second
   * per waiting instance. Always tries at least once, even with a zero {@code maxWait}.
   *
   * @param what names what the lease guards, for messages (for example {@code "org " + orgId}); never a secret
   * @throws TokenStoreException if {@code maxWait} passed without a lease, if the waiting thread was interrupted
   *     (its interrupt status is kept), or whatever {@code attempt} threw
   */
  static RefreshLease poll(String what, Duration maxWait, Attempt attempt) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(attempt, "attempt");
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    long pause = 5;
    while (true) {
      RefreshLease lease = attempt.tryAcquire();
      if (lease != null) {
        return lease;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new TokenStoreException(
            "Another instance held the refresh lease of " + what + " for longer than " + maxWait);
      }
      try {
        Thread.sleep(Math.min(pause, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenStoreException("Interrupted while waiting for the refresh lease of " + what, e);
      }
      pause = Math.min(pause * 2, 100);
    }
  }
}
