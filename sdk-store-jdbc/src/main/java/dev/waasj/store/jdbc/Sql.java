package dev.waasj.store.jdbc;

import dev.waasj.errors.StoreException;
import dev.waasj.errors.TokenStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The one way the JDBC stores report a database failure: what failed and the SQL state, never a value. */
final class Sql {
  private Sql() {}

  /**
   * A connection from the application's pool with auto-commit on, whatever the pool's default: each step of the
   * stores is one statement that must be committed when it returns (a pool set to {@code autoCommit=false} would
   * roll it back when the connection goes back), and the one transaction, a save through a lease, turns it off and
   * on again itself. Pools reset the setting for their next borrower (HikariCP does).
   */
  static Connection connect(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** For the token store: a {@link TokenStoreException}. */
  static TokenStoreException failure(String what, SQLException e) {
    return new TokenStoreException(describe(what, e), e);
  }

  /** For other stores (webhook claims): a {@link StoreException}. */
  static StoreException storeFailure(String what, SQLException e) {
    return new StoreException(describe(what, e), e);
  }

  private static String describe(String what, SQLException e) {
    String state = e.getSQLState();
    return what + " failed: " + e.getClass().getSimpleName() + (state == null ? "" : " (SQL state " + state + ")");
  }
}
