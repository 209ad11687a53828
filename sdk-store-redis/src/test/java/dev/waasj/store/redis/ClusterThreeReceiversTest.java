package dev.waasj.store.redis;

import dev.waasj.fixtures.SharedReceiversContract;
import dev.waasj.webhooks.EventDeduplicator;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three receivers behind one address sharing a Redis deduplicator on a three-master Redis Cluster. */
class ClusterThreeReceiversTest extends SharedReceiversContract {
  @RegisterExtension static final EmbeddedRedisCluster.PerClass CLUSTER = new EmbeddedRedisCluster.PerClass();

  @Override
  protected EventDeduplicator newSharedDeduplicator() {
    CLUSTER.cluster().flushAll();
    return RedisEventDeduplicator.create(CLUSTER.client());
  }
}
