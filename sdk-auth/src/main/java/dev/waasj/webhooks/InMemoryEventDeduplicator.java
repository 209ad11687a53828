package dev.waasj.webhooks;

import dev.waasj.internal.auth.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Remembers events in this process: the default, right for one receiver. Bounded: beyond its capacity the oldest
 * keys are forgotten first, and completed ones after {@link #DEFAULT_RETENTION}. Times come from a clock, so tests
 * move time instead of waiting.
 */
public final class InMemoryEventDeduplicator implements EventDeduplicator {
  /** How many keys are remembered when no capacity is given. */
  public static final int DEFAULT_CAPACITY = 100_000;

  /** How long a completed key is remembered: longer than Cobo's redeliveries last. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

  private final int capacity;
  private final Clock clock;
  private final Map<String, Entry> entries;

  /** A deduplicator for {@link #DEFAULT_CAPACITY} keys on the system clock. */
  public InMemoryEventDeduplicator() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * A deduplicator for {@code capacity} keys on the system clock.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public InMemoryEventDeduplicator(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  /**
   * A deduplicator for {@code capacity} keys on {@code clock}.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public InMemoryEventDeduplicator(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.clock = Checks.notNull(clock, "clock");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > InMemoryEventDeduplicator.this.capacity;
          }
        };
  }

  /** A claim's holder and lease, or a completed key's outcome and when it is forgotten. */
  private record Entry(String owner, long until, @org.jspecify.annotations.Nullable String outcome) {}

  @Override
  public synchronized Claim claim(String key, Duration lease) {
    Checks.notNull(key, "key");
    Checks.positive(lease, "lease");
    long now = clock.millis();
    Entry e = entries.get(key);
    if (e != null && now < e.until) {
      return e.outcome != null ? Claim.done(key, e.outcome) : Claim.runningElsewhere(key);
    }
    String owner = UUID.randomUUID().toString();
    entries.remove(key); // re-inserted last: the eldest is the first forgotten
    entries.put(key, new Entry(owner, now + lease.toMillis(), null));
    return Claim.claimed(key, owner);
  }

  @Override
  public synchronized boolean complete(Claim claim, String outcome) {
    Checks.notNull(outcome, "outcome");
    Entry e = entries.get(claim.key());
    if (e == null || e.outcome != null || !e.owner.equals(claim.owner().orElse(""))) {
      return false;
    }
    entries.put(claim.key(), new Entry(e.owner, clock.millis() + DEFAULT_RETENTION.toMillis(), outcome));
    return true;
  }

  @Override
  public synchronized void release(Claim claim) {
    Entry e = entries.get(claim.key());
    if (e != null && e.outcome == null && e.owner.equals(claim.owner().orElse(""))) {
      entries.remove(claim.key());
    }
  }

  @Override
  public synchronized String toString() {
    return "InMemoryEventDeduplicator{" + entries.size() + " of " + capacity + '}';
  }
}
