package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.StoreException;
import dev.waasj.webhooks.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** RedisEventDeduplicator on a real Redis server: atomic claims with leases, owner-only completion, retention. */
class RedisEventDeduplicatorTest {
  static EmbeddedRedis server;
  static RedisClient redis;

  final RedisEventDeduplicator dedup = RedisEventDeduplicator.create(redis, "d:", Duration.ofDays(7));

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

  @Test
  void oneOfManyConcurrentClaimsWinsTheRestSeeItRunningThenDone() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Claim>> claims = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      claims.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return dedup.claim("event:e1", Duration.ofMinutes(1));
              },
              r -> new Thread(r).start()));
    }
    go.countDown();
    List<Claim> results = new ArrayList<>();
    for (CompletableFuture<Claim> f : claims) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    assertThat(results).filteredOn(c -> c.state() == Claim.State.CLAIMED).hasSize(1);
    assertThat(results).filteredOn(c -> c.state() == Claim.State.RUNNING_ELSEWHERE).hasSize(15);

    Claim winner = results.stream().filter(c -> c.state() == Claim.State.CLAIMED).findFirst().orElseThrow();
    assertThat(dedup.complete(winner, "ok")).isTrue();
    assertThat(dedup.claim("event:e1", Duration.ofMinutes(1)).outcome()).hasValue("ok");
  }

  @Test
  void aDeadClaimIsTakenOverAfterItsLeaseAndItsOwnerCanNoLongerComplete() throws Exception {
    Claim dead = dedup.claim("event:e2", Duration.ofMillis(1));
    Thread.sleep(20); // past the lease: Redis expired the key

    Claim next = dedup.claim("event:e2", Duration.ofMinutes(1));
    assertThat(next.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(dedup.complete(dead, "handled")).isFalse();
    dedup.release(dead);
    assertThat(dedup.claim("event:e2", Duration.ofMinutes(1)).state()).isEqualTo(Claim.State.RUNNING_ELSEWHERE);
    assertThat(dedup.complete(next, "handled")).isTrue();
  }

  @Test
  void aReleasedClaimIsFreeAtOnce() {
    Claim failed = dedup.claim("event:e3", Duration.ofMinutes(1));
    dedup.release(failed);
    assertThat(dedup.claim("event:e3", Duration.ofMinutes(1)).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void completedKeysAreForgottenAfterTheRetention() throws Exception {
    RedisEventDeduplicator brief = RedisEventDeduplicator.create(redis, "d:", Duration.ofMillis(1));
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
