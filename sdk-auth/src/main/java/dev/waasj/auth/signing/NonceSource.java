package dev.waasj.auth.signing;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues {@code BIZ-API-NONCE} values: millisecond timestamps, strictly increasing across all threads, so no two
 * requests signed through this source ever share a nonce.
 *
 * <p>Each nonce is {@code max(clock.millis(), previous + 1)}. Above 1,000 requests per second the nonces run
 * ahead of the clock and fall back in line when the rate drops.
 *
 * <p>Cobo refuses a nonce an API key has used before, so every client signing for one key must draw from one
 * sequence. {@link #forApiKey} gives exactly that: all sources it returns for one API key in this JVM share one
 * sequence, whichever clock each reads, so clients built separately for one key (twice from the environment, a
 * {@code newBuilder()} copy, one per organization) never send the same nonce. A source made with a constructor has
 * a sequence of its own: two of them for one key can issue the same nonce.
 */
public final class NonceSource {
  /** One sequence per API key for the life of the JVM: a long per key, and forgetting one could repeat a nonce. */
  private static final ConcurrentMap<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

  private final Clock clock;
  private final AtomicLong last;

  /** A source with a sequence of its own, reading the system UTC clock. */
  public NonceSource() {
    this(Clock.systemUTC());
  }

  /** A source with a sequence of its own, reading {@code clock}, e.g. a fixed clock in tests. */
  public NonceSource(Clock clock) {
    this(clock, new AtomicLong(Long.MIN_VALUE));
  }

  private NonceSource(Clock clock, AtomicLong last) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.last = last;
  }

  /** The source for {@code apiKey} on the system UTC clock; see {@link #forApiKey(String, Clock)}. */
  public static NonceSource forApiKey(String apiKey) {
    return forApiKey(apiKey, Clock.systemUTC());
  }

  /**
   * A source reading {@code clock} that shares one sequence with every other source this method returns for
   * {@code apiKey} (compared ignoring case) in this JVM: their nonces, taken together, are strictly increasing.
   *
   * <p>With different clocks the sequence follows whichever reads latest: a source on a fixed clock that is
   * behind gets {@code previous + 1}, not its clock's time, once any source for the key has run ahead of it. A
   * test that needs nonces equal to its fixed clock's time uses a key of its own, or a constructor.
   */
  public static NonceSource forApiKey(String apiKey, Clock clock) {
    Objects.requireNonNull(apiKey, "apiKey");
    AtomicLong shared =
        SEQUENCES.computeIfAbsent(apiKey.toLowerCase(Locale.ROOT), key -> new AtomicLong(Long.MIN_VALUE));
    return new NonceSource(clock, shared);
  }

  /** Returns a nonce greater than every nonce this source, or any source sharing its sequence, returned before. */
  public long next() {
    long now = clock.millis();
    // CAS loop: racing threads each get a distinct value, and a clock that steps back never repeats a nonce.
    return last.accumulateAndGet(now, (previous, millis) -> Math.max(millis, previous + 1));
  }
}
