package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.fixtures.FencingTokenStoreContract;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JdbcTokenStore on a real PostgreSQL server, started from Maven-provided binaries on a free port: the contract every
 * shared store keeps, then what is particular to a database.
 */
class JdbcTokenStoreTest extends FencingTokenStoreContract {
  static EmbeddedPostgres postgres;
  static HikariDataSource db;

  /** Pooled, as an application's is: opening a connection per statement made the thousand-organization test 10 s. */
  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(postgres.getPostgresDatabase());
    pool.setMaximumPoolSize(8);
    db = new HikariDataSource(pool);
    JdbcSchema.create(db, "t_");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
    postgres.close();
  }

  @Override
  protected TokenStore newEmptyStore() throws Exception {
    execute("DELETE FROM t_org_token", "DELETE FROM t_refresh_lease");
    return JdbcTokenStore.create(db, "t_");
  }

  @Override
  protected ServerToLose storeOnAServerToLose() throws Exception {
    // Its own data directory and port, kept across takeDown and bringBack, as a real restart keeps them.
    Path data = Files.createTempDirectory("waasj-pg-");
    EmbeddedPostgres.Builder server =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    EmbeddedPostgres first = server.start();
    server.setPort(first.getPort());
    DataSource ownDb = first.getPostgresDatabase();
    JdbcSchema.create(ownDb, JdbcSchema.DEFAULT_PREFIX);
    return new ServerToLose() {
      private @Nullable EmbeddedPostgres running = first;

      @Override
      public TokenStore store() {
        return JdbcTokenStore.create(ownDb);
      }

      @Override
      public void takeDown() throws IOException {
        if (running != null) {
          running.close();
          running = null;
        }
      }

      @Override
      public void bringBack() throws IOException {
        running = server.start();
      }

      @Override
      public void close() throws IOException {
        takeDown();
        try (var files = Files.walk(data)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    };
  }

  static void execute(String... statements) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  @Test
  void aCorruptedRowIsATypedErrorThatQuotesNothing() throws Exception {
    store.save(token("AT-secret-value", "RT-secret-value"));
    execute("UPDATE t_org_token SET token_type = '', access_token = ''");

    assertThatThrownBy(() -> store.load("app", "org"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("not a valid token")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWithoutTheCredentials() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1}); // nothing listens there
    nowhere.setUser("waasj");
    nowhere.setPassword("db-password-never-shown");
    JdbcTokenStore down = JdbcTokenStore.create(nowhere);

    for (Runnable call :
        List.<Runnable>of(
            () -> down.load("app", "org"),
            () -> down.save(token("AT", "RT")),
            () -> down.acquireRefreshLease("app", "org", Duration.ofSeconds(1), Duration.ZERO))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(TokenStoreException.class)
          .hasMessageNotContaining("db-password-never-shown");
    }
  }

  /** The listing's query can use the primary key: PostgreSQL plans an index scan once it may not scan the table. */
  @Test
  void theOrganizationsOfAnAppAreFoundThroughThePrimaryKey() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r = s.executeQuery("EXPLAIN SELECT org_id FROM t_org_token WHERE client_id = 'app'")) {
        while (r.next()) {
          plan.append(r.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("Index").contains("t_org_token_pkey").contains("client_id");
    }
  }

  @Test
  void aBadPrefixIsRefusedBeforeAnySql() {
    assertThatThrownBy(() -> JdbcTokenStore.create(db, "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("DROP");
  }
}
