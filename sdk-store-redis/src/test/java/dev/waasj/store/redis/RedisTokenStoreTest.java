package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.RefreshLease;
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

  /**
   * The previous release kept no index: its tokens are found by the first listing (one SCAN), which then marks the
   * app scanned, so later listings read the index only.
   */
  @Test
  void tokensSavedBeforeTheIndexExistedAreListed() {
    RedisClient redis = REDIS.client();
    store.save(token("a*", "org-1", "AT-1", "RT-1"));
    store.save(token("a*", "org|2}", "AT-2", "RT-2"));
    store.save(token("ab", "org-3", "AT-3", "RT-3")); // matched by an unescaped "a*" glob
    store.save(token("a*|x", "org-4", "AT-4", "RT-4")); // key "{a*|x|org-4}": listed as org "x|org-4" of "a*"
    redis.del("t:{a*}:orgs", "t:{ab}:orgs", "t:{a*|x}:orgs"); // as the previous release left Redis

    assertThat(store.organizations("a*")).containsExactlyInAnyOrder("org-1", "org|2}", "x|org-4");
    assertThat(redis.exists("t:{a*}:orgs:scanned")).isTrue();
    assertThat(redis.smembers("t:{a*}:orgs")).containsExactlyInAnyOrder("org-1", "org|2}", "x|org-4");
    assertThat(store.organizations("ab")).containsExactly("org-3");

    redis.srem("t:{a*}:orgs", "org-1"); // scanned once only: the index is what is listed now
    assertThat(store.organizations("a*")).containsExactlyInAnyOrder("org|2}", "x|org-4");
    redis.del("t:{a*}:orgs:scanned"); // the documented way to scan again
    assertThat(store.organizations("a*")).containsExactlyInAnyOrder("org-1", "org|2}", "x|org-4");
  }

  @Test
  void anIndexedOrganizationWhoseTokenIsGoneIsNotListed() {
    RedisClient redis = REDIS.client();
    store.save(token("app", "org-1", "AT-1", "RT-1"));
    store.save(token("app", "org-2", "AT-2", "RT-2"));
    redis.del("t:{app|org-2}:token"); // as when it expires with its refresh token
    redis.sadd("t:{app}:orgs", "org-never-saved"); // as a save whose script was refused leaves it

    assertThat(store.organizations("app")).containsExactly("org-1");
  }

  @Test
  void aSaveIndexesItsOrganizationBeforeWritingTheToken() {
    store.save(token("app", "org-1", "AT-1", "RT-1"));
    try (RefreshLease lease = store.acquireRefreshLease("app", "org-1", Duration.ofMinutes(1), Duration.ZERO)) {
      lease.load();
      REDIS.client().del("t:{app}:orgs", "t:{app|org-1}:lease"); // the lease is lost: its save is refused
      assertThatThrownBy(() -> lease.save(token("app", "org-1", "AT-2", "RT-2")))
          .isInstanceOf(TokenStoreException.class);
    }
    assertThat(REDIS.client().smembers("t:{app}:orgs")).containsExactly("org-1"); // indexed all the same
    assertThat(store.organizations("app")).containsExactly("org-1");
  }

  @Test
  void aBadPrefixIsRefusedBeforeAnySql() {
    assertThatThrownBy(() -> RedisTokenStore.create(REDIS.client(), "x y\r\nFLUSHALL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("FLUSHALL");
  }
}
