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
 *
 * <p>Processes sharing one API key (the instances of a service, all signing with its Portal app key) each have
 * their own source, so their millisecond nonces coincide whenever two of them sign in the same millisecond, and a
 * server that refuses a nonce it has seen refuses one of the two. A source with a {@linkplain #NonceSource(Clock,
 * int, int) slot} issues only nonces whose remainder modulo {@code slots} is its {@code slot}: give every process
 * its own slot and no two ever collide. Each then signs up to {@code 1000 / slots} requests per second before its
 * nonces run ahead of the clock.
 */
public final class NonceSource {
  private final Clock clock;
  private final int slot;
  private final int slots;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  /** A source reading the system UTC clock. */
  public NonceSource() {
    this(Clock.systemUTC());
  }

  /** A source reading {@code clock}, e.g. a fixed clock in tests. */
  public NonceSource(Clock clock) {
    this(clock, 0, 1);
  }

  /**
   * A source reading {@code clock} that issues only nonces {@code n} with {@code n % slots == slot}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= slot < slots <= 1000}
   */
  public NonceSource(Clock clock, int slot, int slots) {
    checkSlot(slot, slots);
    this.clock = clock;
    this.slot = slot;
    this.slots = slots;
  }

  /**
   * Checks a nonce slot: {@code 0 <= slot < slots <= 1000}.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static void checkSlot(int slot, int slots) {
    if (slots < 1 || slots > 1000 || slot < 0 || slot >= slots) {
      throw new IllegalArgumentException("A nonce slot is 0 <= slot < slots <= 1000");
    }
  }

  /** Returns a nonce greater than every nonce this source has returned before. */
  public long next() {
    long now = clock.millis();
    // CAS loop: racing threads each get a distinct value, and a clock that steps back never repeats a nonce.
    return last.accumulateAndGet(now, (previous, millis) -> inSlot(Math.max(millis, previous + 1)));
  }

  /** The least value at or above {@code n} in this source's slot. */
  private long inSlot(long n) {
    long off = Math.floorMod(n - slot, (long) slots);
    return off == 0 ? n : n + (slots - off);
  }
}
