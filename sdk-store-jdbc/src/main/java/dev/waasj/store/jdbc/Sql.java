package dev.waasj.store.jdbc;

import dev.waasj.errors.StoreException;
import dev.waasj.errors.TokenStoreException;
import java.sql.SQLException;

/** The one way the JDBC stores report a database failure: what failed and the SQL state, never a value. */
final class Sql {
  private Sql() {}

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
