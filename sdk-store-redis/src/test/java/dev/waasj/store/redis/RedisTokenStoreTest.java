package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.client.CoboClient;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** RedisTokenStore on a real Redis server, started from the binary a Maven artifact carries, on a free port. */
class RedisTokenStoreTest {
  static EmbeddedRedis server;
  static RedisClient redis;

  final RedisTokenStore store = RedisTokenStore.create(redis, "t:");

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

  @BeforeEach
  void empty() {
    redis.flushAll();
  }

  static OrgToken token(String access, String refresh) {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    return OrgToken.builder()
        .clientId("app")
        .orgId("org")
        .accessToken(access)
        .refreshToken(refresh)
        .tokenType("Bearer")
        .obtainedAt(now)
        .expiresAt(now.plus(Duration.ofHours(12)))
        .build();
  }

  @Test
  void savesLoadsAndDeletes() {
    assertThat(store.load("app", "org")).isNull();
    OrgToken token = token("AT-1", "RT-1");

    store.save(token);
    assertThat(store.load("app", "org")).isEqualTo(token);
    store.save(token("AT-2", "RT-2"));
    assertThat(store.load("app", "org").accessToken()).isEqualTo("AT-2");

    store.delete("app", "org");
    assertThat(store.load("app", "org")).isNull();
  }

  @Test
  void aLeaseExcludesOtherHoldersUntilReleased() {
    try (RefreshLease first = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      assertThatThrownBy(
              () -> store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ofMillis(50)))
          .isInstanceOf(TokenStoreException.class)
          .hasMessageContaining("held the refresh lease");
      first.save(token("AT-1", "RT-1"));
    }
    try (RefreshLease second = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      assertThat(second.load().accessToken()).isEqualTo("AT-1");
    }
  }

  @Test
  void aWaitingInstanceGetsTheLeaseWhenTheHolderReleasesIt() throws Exception {
    RefreshLease first = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO);
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(
            () -> {
              try (RefreshLease lease =
                  store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ofSeconds(20))) {
                return lease.load().accessToken(); // reads what the first holder saved
              }
            });
    first.load();
    first.save(token("AT-first", "RT-first"));
    first.close();

    assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("AT-first");
  }

  @Test
  void aHolderWhoseLeaseExpiredCannotSave() throws Exception {
    store.save(token("AT-1", "RT-1"));
    RefreshLease paused = store.acquireRefreshLease("app", "org", Duration.ofMillis(1), Duration.ZERO);
    paused.load();
    Thread.sleep(20); // past its lease: Redis expired the key

    try (RefreshLease next = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      next.load();
      next.save(token("AT-new", "RT-new"));
    }
    assertThatThrownBy(() -> paused.save(token("AT-stale", "RT-stale")))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("expired or passed to another instance")
        .hasMessageNotContaining("RT-");
    paused.close();
    assertThat(store.load("app", "org").accessToken()).isEqualTo("AT-new");
  }

  @Test
  void aSaveUnderALeaseIsACompareAndSetOnTheVersion() {
    store.save(token("AT-1", "RT-1"));
    try (RefreshLease lease = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      lease.load();
      store.save(token("AT-outside", "RT-outside")); // a writer that ignores leases

      assertThatThrownBy(() -> lease.save(token("AT-2", "RT-2")))
          .isInstanceOf(TokenStoreException.class)
          .hasMessageContaining("changed since it was read");
    }
    assertThat(store.load("app", "org").accessToken()).isEqualTo("AT-outside");
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
  void clientsSharingTheStoreMakeOneGrantAndOneRefreshPerExpiry() throws Exception {
    TestKeyPair app = TestKeyPair.generate();
    MutableClock clock = MutableClock.at(Instant.now());
    try (CoboEmulator cobo =
            CoboEmulator.builder()
                .registerApp("app", "org", app.publicKeyHex())
                .clock(clock)
                .revokeFamilyOnRefreshReuse(true)
                .start();
        CoboClient a = client(cobo, app, clock);
        CoboClient b = client(cobo, app, clock)) {
      String first = a.tokens().accessToken();
      assertThat(b.tokens().accessToken()).isEqualTo(first); // adopted from Redis, no second grant

      clock.advance(Duration.ofHours(12)); // both tokens due
      CompletableFuture<String> fromA = CompletableFuture.supplyAsync(() -> a.tokens().accessToken());
      CompletableFuture<String> fromB = CompletableFuture.supplyAsync(() -> b.tokens().accessToken());

      String refreshed = fromA.get(20, TimeUnit.SECONDS);
      assertThat(fromB.get(20, TimeUnit.SECONDS)).isEqualTo(refreshed);
      assertThat(cobo.isAccessTokenValid(refreshed)).isTrue();
      assertThat(cobo.requests())
          .filteredOn(r -> r.path().endsWith("/oauth/token"))
          .extracting(r -> r.method())
          .containsExactly("GET", "POST");
    }
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

  CoboClient client(CoboEmulator cobo, TestKeyPair app, MutableClock clock) {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(app.seedHex())
        .clientId("app")
        .orgId("org")
        .tokenStore(store)
        .clock(clock)
        .build();
  }
}
