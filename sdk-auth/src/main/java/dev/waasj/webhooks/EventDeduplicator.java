package dev.waasj.webhooks;

/**
 * Remembers which events ran, so a handler runs once per event however often Cobo delivers it. Implementations
 * must be thread-safe; share one across processes (a database table keyed by event ID, say) when several instances
 * receive the same events. {@link InMemoryEventDeduplicator} is the default.
 */
public interface EventDeduplicator {
  /**
   * Claims {@code eventId} for handling.
   *
   * @return true if the caller should run the handler now; false if the event ran already or is running elsewhere
   */
  boolean claim(String eventId);

  /** Marks a claimed event as handled for good. */
  void complete(String eventId);

  /** Gives up a claim after the handler failed, so a redelivery runs it again. */
  void release(String eventId);

  /** Whether {@code eventId} ran to completion. */
  boolean isComplete(String eventId);
}
