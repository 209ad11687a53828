package dev.waasj.store.redis;

import dev.waasj.fixtures.SharedReceiversContract;
import dev.waasj.webhooks.EventDeduplicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** Three receivers behind one address sharing a Redis deduplicator: each event runs once, a dead run again. */
class ThreeReceiversTest extends SharedReceiversContract {
  static EmbeddedRedis server;
  static RedisClient redis;

  @BeforeAll
  static void start() {
    server = new EmbeddedRedis();
    redis = server.client();
  }

  @AfterAll
  static void stop() {
    redis.close();
    server.stop();
  }

  @Override
  protected EventDeduplicator newSharedDeduplicator() {
    redis.flushAll();
    return RedisEventDeduplicator.create(redis);
  }
}
