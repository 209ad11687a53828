package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.fixtures.FencingTokenStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * RedisTokenStore on a real Redis server, started from the binary a Maven artifact carries, on a free port: the
 * contract every shared store keeps, then what is particular to Redis.
 */
class RedisTokenStoreTest extends FencingTokenStoreContract {
  @RegisterExtension static final EmbeddedRedis.PerClass REDIS = new EmbeddedRedis.PerClass();

  @Override
  protected TokenStore newEmptyStore() {
    REDIS.client().flushAll();
    return RedisTokenStore.create(REDIS.client(), "t:");
  }

  @Override
  protected ServerToLose storeOnAServerToLose() {
    EmbeddedRedis own = new EmbeddedRedis();
    RedisClient client = own.client();
    return new ServerToLose() {
      private boolean down;

      @Override
      public TokenStore store() {
        return RedisTokenStore.create(client);
      }

      @Override
      public void takeDown() {
        own.stop();
        down = true;
      }

      @Override
      public void bringBack() {
        own.restart(); // same port, empty: this server keeps nothing on disk
        down = false;
      }

      @Override
      public void close() {
        client.close();
        if (!down) {
          own.stop();
        }
      }
    };
  }

  @Test
  void aCorruptedHashIsATypedErrorThatQuotesNothing() {
    store.save(token("AT-secret-value", "RT-secret-value"));
    REDIS.client().hset("t:{app|org}:token", "expires_at", "not-a-number-secret-value");

    assertThatThrownBy(() -> store.load("app", "org"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("not a valid token")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void anUnreachableServerIsATypedErrorWithoutTheCredentials() {
    RedisClient nowhere =
        RedisClient.builder()
            .hostAndPort(new HostAndPort("127.0.0.1", 1)) // nothing listens there
            .clientConfig(
                DefaultJedisClientConfig.builder()
                    .user("waasj")
                    .password("redis-password-never-shown")
                    .connectionTimeoutMillis(500)
                    .build())
            .build();
    RedisTokenStore down = RedisTokenStore.create(nowhere);

    for (Runnable call :
        List.<Runnable>of(
            () -> down.load("app", "org"),
            () -> down.save(token("AT", "RT")),
            () -> down.acquireRefreshLease("app", "org", Duration.ofSeconds(1), Duration.ZERO))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(TokenStoreException.class)
          .hasMessageNotContaining("redis-password-never-shown");
    }
    nowhere.close();
  }

  @Test
  void aBadPrefixIsRefusedBeforeAnySql() {
    assertThatThrownBy(() -> RedisTokenStore.create(REDIS.client(), "x y\r\nFLUSHALL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("FLUSHALL");
  }
}
