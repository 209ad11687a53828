package dev.waasj.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The README's PostgreSQL example, compiled and run by {@link PostgresPoolExampleTest}; the lines between the
 * markers are the README's block, character for character (the test compares them).
 */
final class PostgresPoolExample {
  private PostgresPoolExample() {}

  // README-BEGIN
  static HikariDataSource tokenStorePool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);              // jdbc:postgresql://HOST:5432/DATABASE
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10);           // threads that use the store at once, see below
    config.setConnectionTimeout(2_000);      // ms: a full pool or a database that is down fails in 2 s
    config.setPoolName("waasj-store");       // autoCommit: left as it is, the stores commit their own steps
    return new HikariDataSource(config);
  }
  // README-END
}
