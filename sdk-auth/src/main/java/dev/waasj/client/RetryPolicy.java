package dev.waasj.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries. Only what is safe is retried: rate limiting (429) and an unavailable service (503), which
 * the server did not act on, for any method; other 5xx and lost connections only for idempotent methods (GET,
 * HEAD, PUT, DELETE, OPTIONS), so a token refresh that may have rotated is never sent twice. A failed response
 * signature is never retried. {@code Retry-After} is honoured up to {@link #maxBackoff()}; each attempt is signed
 * afresh with a new nonce.
 */
public final class RetryPolicy {
  /** Two retries with exponential backoff from 500 ms up to 8 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));

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
   * @throws IllegalArgumentException if a value is negative or the initial backoff exceeds the maximum
   */
  public static RetryPolicy of(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxRetries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxRetries and backoffs must be >= 0 and initialBackoff <= maxBackoff");
    }
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff);
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The delay before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest delay between attempts, and the longest {@code Retry-After} the client will wait out. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + '}';
  }
}
