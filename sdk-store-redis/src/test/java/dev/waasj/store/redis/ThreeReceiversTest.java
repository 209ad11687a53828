package dev.waasj.store.redis;

import dev.waasj.fixtures.SharedReceiversContract;
import dev.waasj.webhooks.EventDeduplicator;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three receivers behind one address sharing a Redis deduplicator: each event runs once, a dead run again. */
class ThreeReceiversTest extends SharedReceiversContract {
  @RegisterExtension static final EmbeddedRedis.PerClass REDIS = new EmbeddedRedis.PerClass();

  @Override
  protected EventDeduplicator newSharedDeduplicator() {
    REDIS.client().flushAll();
    return RedisEventDeduplicator.create(REDIS.client());
  }
}
