package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.StoreException;
import dev.waasj.fixtures.EventDeduplicatorContract;
import dev.waasj.webhooks.Claim;
import dev.waasj.webhooks.EventDeduplicator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JdbcEventDeduplicator on a real PostgreSQL server: atomic claims with leases and owner-only completion (the
 * contract every deduplicator keeps), then retention and failures.
 */
class JdbcEventDeduplicatorTest extends EventDeduplicatorContract {
  static EmbeddedPostgres postgres;
  static DataSource db;

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

  @Override
  protected EventDeduplicator newEmptyDeduplicator() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM d_webhook_event");
    }
    return JdbcEventDeduplicator.create(db, "d_", Duration.ofDays(7));
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
