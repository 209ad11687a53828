package dev.waasj.auth.signing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues {@code BIZ-API-NONCE} values: millisecond timestamps, strictly increasing across all threads, so no two
 * requests signed through this source ever share a nonce.
 *
 * <p>Each nonce is {@code max(clock.millis(), previous + 1)}. Above 1,000 requests per second the nonces run
 * ahead of the clock and fall back in line when the rate drops. Use one source per API key: two sources for the
 * same key can issue the same nonce.
 */
public final class NonceSource {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  /** A source reading the system UTC clock. */
  public NonceSource() {
    this(Clock.systemUTC());
  }

  /** A source reading {@code clock}, e.g. a fixed clock in tests. */
  public NonceSource(Clock clock) {
    this.clock = clock;
  }

  /** Returns a nonce greater than every nonce this source has returned before. */
  public long next() {
    long now = clock.millis();
    // CAS loop: racing threads each get a distinct value, and a clock that steps back never repeats a nonce.
    return last.accumulateAndGet(now, (previous, millis) -> Math.max(millis, previous + 1));
  }
}
