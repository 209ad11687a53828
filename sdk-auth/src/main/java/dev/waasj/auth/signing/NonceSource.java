package dev.waasj.auth.signing;

import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
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
 * sequence. {@link #forApiKey} gives exactly that: all sources it returns for one API key in this JVM on the system
 * clock share one sequence, so clients built separately for one key (twice from the environment, a {@code
 * newBuilder()} copy, one per organization) never send the same nonce. A source on another clock (a test's fixed or
 * hand-moved clock) shares its sequence with the sources for that key on an equal clock only: such a clock's time
 * is not comparable with the system's or another test clock's, and a sequence run ahead by one would push every
 * other clock's nonces out of the server's window. A source made with a constructor has a sequence of its own: two
 * of them for one key can issue the same nonce.
 *
 * <p>Processes sharing one API key (the instances of a service, all signing with its Portal app key) cannot share a
 * sequence, so their millisecond nonces coincide whenever two of them sign in the same millisecond, and a server
 * that refuses a nonce it has seen refuses one of the two. A source with a slot issues only nonces whose remainder
 * modulo {@code slots} is its {@code slot}: give every process its own slot, the same {@code slots} everywhere, and
 * no two ever collide. Each then signs up to {@code 1000 / slots} requests per second before its nonces run ahead
 * of the clock.
 */
public final class NonceSource {
  private static final Class<? extends Clock> SYSTEM_CLOCK = Clock.systemUTC().getClass();

  /**
   * One sequence per API key on the system clock, for the life of the JVM: a long per key, and forgetting one
   * could repeat a nonce that ran ahead of the clock.
   */
  private static final ConcurrentMap<String, AtomicLong> SYSTEM_SEQUENCES = new ConcurrentHashMap<>();

  /** Sequences per other clock and API key, forgotten with the clock, when no source can read it any more. */
  private static final Map<Clock, ConcurrentMap<String, AtomicLong>> CLOCK_SEQUENCES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Clock clock;
  private final AtomicLong last;
  private final int slot;
  private final int slots;

  /** A source with a sequence of its own, reading the system UTC clock. */
  public NonceSource() {
    this(Clock.systemUTC());
  }

  /** A source with a sequence of its own, reading {@code clock}, e.g. a fixed clock in tests. */
  public NonceSource(Clock clock) {
    this(clock, 0, 1);
  }

  /**
   * A source with a sequence of its own, reading {@code clock}, that issues only nonces {@code n} with {@code n %
   * slots == slot}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= slot < slots <= 1000}
   */
  public NonceSource(Clock clock, int slot, int slots) {
    this(clock, new AtomicLong(Long.MIN_VALUE), slot, slots);
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

  private NonceSource(Clock clock, AtomicLong last, int slot, int slots) {
    checkSlot(slot, slots);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.last = last;
    this.slot = slot;
    this.slots = slots;
  }

  /** The source for {@code apiKey} on the system UTC clock; see {@link #forApiKey(String, Clock)}. */
  public static NonceSource forApiKey(String apiKey) {
    return forApiKey(apiKey, Clock.systemUTC());
  }

  /**
   * A source reading {@code clock} that shares one sequence with every other source this method returns for
   * {@code apiKey} (compared ignoring case) in this JVM on the same clock: their nonces, taken together, are
   * strictly increasing. The system clock in any zone is one clock; any other clock is the same clock as an equal
   * one (for {@link Clock#fixed}, one fixed at the same instant).
   */
  public static NonceSource forApiKey(String apiKey, Clock clock) {
    return forApiKey(apiKey, clock, 0, 1);
  }

  /**
   * Like {@link #forApiKey(String, Clock)}, issuing only nonces {@code n} with {@code n % slots == slot}: this
   * process's share of the key's nonces when several processes sign with it. Sources for one key with different
   * slots of the same {@code slots} never issue the same nonce either.
   *
   * @throws IllegalArgumentException unless {@code 0 <= slot < slots <= 1000}
   */
  public static NonceSource forApiKey(String apiKey, Clock clock, int slot, int slots) {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(clock, "clock");
    checkSlot(slot, slots);
    ConcurrentMap<String, AtomicLong> sequences =
        clock.getClass() == SYSTEM_CLOCK
            ? SYSTEM_SEQUENCES
            : CLOCK_SEQUENCES.computeIfAbsent(clock, c -> new ConcurrentHashMap<>());
    String key = apiKey.toLowerCase(Locale.ROOT) + (slots == 1 ? "" : " " + slot + "/" + slots);
    AtomicLong shared = sequences.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE));
    return new NonceSource(clock, shared, slot, slots);
  }

  /** Returns a nonce greater than every nonce this source, or any source sharing its sequence, returned before. */
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
