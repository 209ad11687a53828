package dev.waasj.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent handled events of this process, at most a fixed number (the oldest are forgotten
 * first). Enough for one instance: Cobo redelivers an event within hours, not after hundreds of thousands of others.
 * Thread-safe.
 */
public final class InMemoryEventDeduplicator implements EventDeduplicator {
  /** How many handled events are remembered unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final Map<String, Boolean> events; // event ID -> true when handled, false while running

  /** Remembers up to {@link #DEFAULT_CAPACITY} events. */
  public InMemoryEventDeduplicator() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Remembers up to {@code capacity} events.
   *
   * @param capacity at least 1
   */
  public InMemoryEventDeduplicator(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.events =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > InMemoryEventDeduplicator.this.capacity;
          }
        };
  }

  @Override
  public synchronized boolean claim(String eventId) {
    if (events.containsKey(eventId)) {
      return false;
    }
    events.put(eventId, Boolean.FALSE);
    return true;
  }

  @Override
  public synchronized void complete(String eventId) {
    events.put(eventId, Boolean.TRUE);
  }

  @Override
  public synchronized void release(String eventId) {
    events.remove(eventId, Boolean.FALSE);
  }

  @Override
  public synchronized boolean isComplete(String eventId) {
    return Boolean.TRUE.equals(events.get(eventId));
  }

  @Override
  public synchronized String toString() {
    return "InMemoryEventDeduplicator{" + events.size() + " of " + capacity + "}";
  }
}
