package dev.waasj.store.jdbc;

import dev.waasj.errors.TokenStoreException;
import java.sql.SQLException;

/** The one way the JDBC stores report a database failure: what failed and the SQL state, never a value. */
final class Sql {
  private Sql() {}

  static TokenStoreException failure(String what, SQLException e) {
    String state = e.getSQLState();
    return new TokenStoreException(
        what + " failed: " + e.getClass().getSimpleName() + (state == null ? "" : " (SQL state " + state + ")"), e);
  }
}
