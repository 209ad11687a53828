package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboClient;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.fixtures.FencingTokenStoreContract;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * RedisTokenStore on a real Redis server, started from the binary a Maven artifact carries, on a free port: the
 * contract every shared store keeps, then what is particular to Redis.
 */
class RedisTokenStoreTest extends FencingTokenStoreContract {
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
  protected TokenStore newEmptyStore() {
    redis.flushAll();
    return RedisTokenStore.create(redis, "t:");
  }

  @Test
  void aCorruptedHashIsATypedErrorThatQuotesNothing() {
    store.save(token("AT-secret-value", "RT-secret-value"));
    redis.hset("t:{app|org}:token", "expires_at", "not-a-number-secret-value");

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
    assertThatThrownBy(() -> RedisTokenStore.create(redis, "x y\r\nFLUSHALL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("FLUSHALL");
  }

  @Test
  void aStoreThatGoesDownFailsClosedAndRotatesNothing() {
    TestKeyPair app = TestKeyPair.generate();
    MutableClock clock = MutableClock.at(Instant.now());
    EmbeddedRedis own = new EmbeddedRedis();
    try (RedisClient ownClient = own.client();
        CoboEmulator cobo = CoboEmulator.builder().registerApp("app", "org", app.publicKeyHex()).clock(clock).start();
        CoboClient client =
            CoboClient.builder()
                .baseUrl(cobo.baseUrl())
                .serverPublicKey(cobo.serverPublicKeyHex())
                .apiSecret(app.seedHex())
                .clientId("app")
                .orgId("org")
                .tokenStore(RedisTokenStore.create(ownClient))
                .retryPolicy(dev.waasj.client.RetryPolicy.NONE)
                .clock(clock)
                .build()) {
      String token = client.tokens().accessToken();
      own.stop();

      clock.advance(Duration.ofHours(11).plusMinutes(56)); // due for refresh, still valid: served from memory
      assertThat(client.tokens().accessToken()).isEqualTo(token);

      clock.advance(Duration.ofMinutes(10)); // expired: no token without the store
      assertThatThrownBy(() -> client.tokens().accessToken())
          .isInstanceOf(TokenStoreException.class)
          .hasMessageContaining("refresh lease");
      assertThat(cobo.requests())
          .filteredOn(r -> r.path().endsWith("/oauth/token"))
          .extracting(r -> r.method())
          .containsExactly("GET"); // the grant; no refresh was sent, so no refresh token was spent
    }
  }
}
