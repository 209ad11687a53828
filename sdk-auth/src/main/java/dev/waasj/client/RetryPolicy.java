package dev.waasj.client;

import dev.waasj.internal.auth.Checks;
import java.time.Duration;

/**
 * How the client retries. Only what cannot act twice is sent again, decided per call:
 *
 * <ul>
 *   <li>HTTP 429 and Cobo's rate-limit codes (2010, 2026), and 503: the server did not act, so any request;
 *   <li>502 and 504 (a gateway lost its answer) and a lost connection: only requests that are safe to resend: an
 *       idempotent method (GET, HEAD, PUT, DELETE, OPTIONS), or a create whose body carries a {@code request_id} the
 *       server deduplicates. So a token refresh, which rotates, is never sent twice, not even by OkHttp's own silent
 *       retry;
 *   <li>never 500: Cobo answers 500 for errors a resend cannot fix (the expired org token, error 1000, is renewed
 *       and replayed by the token manager instead), and never a response whose signature failed.
 * </ul>
 *
 * <p>Waits grow exponentially: {@code initialBackoff}, then twice that, and so on, each at most {@code maxBackoff},
 * plus up to a quarter more at random so many clients do not retry in step. A {@code Retry-After} header (seconds or
 * an HTTP date) replaces the computed wait, unless it asks for more than {@code maxBackoff}: then the client gives up
 * at once and the error carries {@link dev.waasj.errors.CoboApiException#retryAfter()}. A call timeout bounds the
 * whole call, waits included: a wait that would cross it is not started. A cancelled call stops waiting. Each
 * attempt is signed afresh with a new nonce.
 */
public final class RetryPolicy {
  /** Two retries, waiting 1 s then 2 s (Cobo's advice for rate limits), at most 8 s per wait. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(8));

  /** Never retries. */
  public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * A policy with {@code maxRetries} retries after the first attempt, backing off exponentially with jitter from
   * {@code initialBackoff} up to {@code maxBackoff}.
   *
   * @throws IllegalArgumentException if a value is negative, the initial backoff exceeds the maximum, or the
   *     maximum exceeds a day
   */
  public static RetryPolicy of(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    Checks.notNegative(initialBackoff, "initialBackoff");
    Checks.notNegative(maxBackoff, "maxBackoff");
    if (maxRetries < 0 || maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "maxRetries must be >= 0 and initialBackoff <= maxBackoff <= 1 day");
    }
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff);
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The wait before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest wait between attempts before jitter, and the longest {@code Retry-After} the client waits out. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + '}';
  }
}
