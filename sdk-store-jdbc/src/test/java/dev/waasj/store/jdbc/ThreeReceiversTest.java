package dev.waasj.store.jdbc;

import dev.waasj.fixtures.SharedReceiversContract;
import dev.waasj.webhooks.EventDeduplicator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Three receivers behind one address sharing a PostgreSQL deduplicator: each event runs once, a dead run again. */
class ThreeReceiversTest extends SharedReceiversContract {
  static EmbeddedPostgres postgres;
  static DataSource db;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    JdbcSchema.create(db, JdbcSchema.DEFAULT_PREFIX);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Override
  protected EventDeduplicator newSharedDeduplicator() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + JdbcSchema.DEFAULT_PREFIX + "webhook_event");
    }
    return JdbcEventDeduplicator.create(db);
  }
}
