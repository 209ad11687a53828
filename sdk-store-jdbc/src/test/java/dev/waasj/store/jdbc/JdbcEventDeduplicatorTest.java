package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.StoreException;
import dev.waasj.webhooks.Claim;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** JdbcEventDeduplicator on a real PostgreSQL server: atomic claims with leases, owner-only completion, retention. */
class JdbcEventDeduplicatorTest {
  static EmbeddedPostgres postgres;
  static DataSource db;

  final JdbcEventDeduplicator dedup = JdbcEventDeduplicator.create(db, "d_", Duration.ofDays(7));

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    JdbcSchema.create(db, "d_");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM d_webhook_event");
    }
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
    Thread.sleep(20); // past the lease, by the database's clock

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
    JdbcEventDeduplicator brief = JdbcEventDeduplicator.create(db, "d_", Duration.ofMillis(1));
    Claim claim = brief.claim("event:e4", Duration.ofMinutes(1));
    assertThat(brief.complete(claim, "handled")).isTrue();
    Thread.sleep(20);

    assertThat(brief.purgeExpired()).isEqualTo(1);
    assertThat(brief.claim("event:e4", Duration.ofMinutes(1)).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWithoutTheCredentials() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1});
    nowhere.setPassword("db-password-never-shown");
    assertThatThrownBy(() -> JdbcEventDeduplicator.create(nowhere).claim("event:x", Duration.ofMinutes(1)))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("db-password-never-shown");
  }
}
