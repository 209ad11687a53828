package dev.waasj.webhooks;

import dev.waasj.fixtures.EventDeduplicatorContract;

/** The in-memory deduplicator keeps the contract every deduplicator keeps, for the receivers of one process. */
class InMemoryEventDeduplicatorTest extends EventDeduplicatorContract {
  @Override
  protected EventDeduplicator newEmptyDeduplicator() {
    return new InMemoryEventDeduplicator();
  }
}
