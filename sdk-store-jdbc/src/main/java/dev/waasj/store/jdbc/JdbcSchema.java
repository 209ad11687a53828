package dev.waasj.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The tables the JDBC stores use, as SQL for PostgreSQL: {@code <prefix>org_token}, {@code <prefix>refresh_lease}
 * and {@code <prefix>webhook_event}. The text ships in this jar as {@code dev/waasj/store/jdbc/schema.sql}; hand it
 * to your migration tool ({@link #sql(String)}), or let {@link #create} run it.
 */
public final class JdbcSchema {
  /** The table-name prefix when none is given. */
  public static final String DEFAULT_PREFIX = "waasj_";

  /** A prefix is spliced into SQL, so only what is safe unquoted in any position: letters, digits, underscore. */
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

  private JdbcSchema() {}

  /**
   * The schema's SQL with {@code prefix} in every table and index name.
   *
   * @throws IllegalArgumentException if the prefix is not letters, digits and underscores (at most 40)
   */
  public static String sql(String prefix) {
    return template().replace("${prefix}", checkPrefix(prefix));
  }

  /**
   * Creates the tables that do not exist yet ({@code CREATE TABLE IF NOT EXISTS}), in one transaction.
   *
   * @throws dev.waasj.errors.TokenStoreException if the database refused
   */
  public static void create(DataSource dataSource, String prefix) {
    String sql = sql(prefix);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : statements(sql)) {
          s.execute(statement);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw Sql.failure("Creating the waasj tables", e);
    }
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "The table prefix must be letters, digits and underscores, starting with a letter or underscore, at most"
              + " 40 characters");
    }
    return prefix;
  }

  private static String[] statements(String sql) {
    StringBuilder kept = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().split(";\\s*\n");
  }

  private static String template() {
    try (InputStream in = JdbcSchema.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the sdk-store-jdbc jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
