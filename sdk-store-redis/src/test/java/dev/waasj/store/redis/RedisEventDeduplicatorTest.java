package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.StoreException;
import dev.waasj.fixtures.EventDeduplicatorContract;
import dev.waasj.webhooks.Claim;
import dev.waasj.webhooks.EventDeduplicator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * RedisEventDeduplicator on a real Redis server: atomic claims with leases and owner-only completion (the
 * contract every deduplicator keeps), then retention and failures.
 */
class RedisEventDeduplicatorTest extends EventDeduplicatorContract {
  @RegisterExtension static final EmbeddedRedis.PerClass REDIS = new EmbeddedRedis.PerClass();

  @Override
  protected EventDeduplicator newEmptyDeduplicator() {
    REDIS.client().flushAll();
    return RedisEventDeduplicator.create(REDIS.client(), "d:", Duration.ofDays(7));
  }

  @Test
  void completedKeysAreForgottenAfterTheRetention() throws Exception {
    RedisEventDeduplicator brief = RedisEventDeduplicator.create(REDIS.client(), "d:", Duration.ofMillis(1));
    Claim claim = brief.claim("event:e4", Duration.ofMinutes(1));
    assertThat(brief.complete(claim, "handled")).isTrue();
    Thread.sleep(20); // Redis expired it

    assertThat(brief.claim("event:e4", Duration.ofMinutes(1)).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWithoutTheCredentials() {
    try (RedisClient nowhere =
        RedisClient.builder()
            .hostAndPort(new HostAndPort("127.0.0.1", 1))
            .clientConfig(
                DefaultJedisClientConfig.builder().password("redis-password-never-shown").build())
            .build()) {
      assertThatThrownBy(() -> RedisEventDeduplicator.create(nowhere).claim("event:x", Duration.ofMinutes(1)))
          .isInstanceOf(StoreException.class)
          .hasMessageNotContaining("redis-password-never-shown");
    }
  }
}
