package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.fixtures.FencingTokenStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's PostgreSQL example as it is written: the HikariCP pool {@link PostgresPoolExample} builds, on a real
 * PostgreSQL server, keeps the contract every shared store keeps (leases, fencing, two clients on one store making one
 * grant and one refresh, a server that goes down failing closed within the pool's connection timeout).
 */
class PostgresPoolExampleTest extends FencingTokenStoreContract {
  static EmbeddedPostgres postgres;
  static HikariDataSource dataSource;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = PostgresPoolExample.tokenStorePool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    JdbcSchema.create(dataSource, JdbcSchema.DEFAULT_PREFIX);
  }

  @AfterAll
  static void stop() throws Exception {
    dataSource.close();
    postgres.close();
  }

  @Override
  protected TokenStore newEmptyStore() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM waasj_org_token");
      s.execute("DELETE FROM waasj_refresh_lease");
    }
    return JdbcTokenStore.create(dataSource);
  }

  @Override
  protected ServerToLose storeOnAServerToLose() throws Exception {
    EmbeddedPostgres own = EmbeddedPostgres.builder().start();
    HikariDataSource pool = PostgresPoolExample.tokenStorePool(own.getJdbcUrl("postgres", "postgres"), "postgres", "");
    JdbcSchema.create(pool, JdbcSchema.DEFAULT_PREFIX);
    return new ServerToLose() {
      private boolean down;

      @Override
      public TokenStore store() {
        return JdbcTokenStore.create(pool);
      }

      @Override
      public void takeDown() throws java.io.IOException {
        own.close();
        down = true;
      }

      @Override
      public void close() throws java.io.IOException {
        pool.close();
        if (!down) {
          own.close();
        }
      }
    };
  }

  @Test
  void theReadmeShowsThisExampleAsItIs() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/waasj/store/jdbc/PostgresPoolExample.java"));
    String region = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
        source.indexOf("  // README-END"));
    String dedented = region.lines().map(line -> line.startsWith("  ") ? line.substring(2) : line)
        .collect(Collectors.joining("\n", "", "\n"));

    assertThat(Files.readString(Path.of("..", "README.md"))).contains("```java\n" + dedented);
  }
}
