package dev.waasj.store.jdbc;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Org tokens in a PostgreSQL table, shared by every instance of a service: {@code <prefix>org_token}, with refresh
 * leases in {@code <prefix>refresh_lease} (see {@link JdbcSchema} for both).
 *
 * <p>{@link #acquireRefreshLease} inserts or takes over the lease row when it is free or expired, by the database's
 * clock, and raises its fence; a save through the lease locks that row, checks that the holder and fence are still
 * its own and the lease unexpired, and writes the token only if its version is still the one the lease read
 * (compare-and-set). So a holder that paused past its lease cannot overwrite the token a newer holder saved: its
 * save fails with {@link TokenStoreException} and nothing is written. A holder that dies loses the lease when it
 * expires.
 *
 * <p>Every failure of the database (unreachable, a refused statement, a row that does not read as a token) is a
 * {@link TokenStoreException} naming what failed and the SQL state, never a value. Plain JDBC, no pool of its own:
 * give it the application's pooled {@code DataSource}. Each step borrows a connection for its statements and
 * returns it before it returns, with auto-commit on whatever the pool's default (a save through a lease is one
 * transaction); no connection is held while a lease is held or awaited.
 */
public final class JdbcTokenStore implements TokenStore {
  private final DataSource dataSource;
  private final String tokens;
  private final String leases;

  private JdbcTokenStore(DataSource dataSource, String prefix) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    String p = JdbcSchema.checkPrefix(prefix);
    this.tokens = p + "org_token";
    this.leases = p + "refresh_lease";
  }

  /** A store on the tables named with {@link JdbcSchema#DEFAULT_PREFIX}. */
  public static JdbcTokenStore create(DataSource dataSource) {
    return new JdbcTokenStore(dataSource, JdbcSchema.DEFAULT_PREFIX);
  }

  /**
   * A store on the tables named with {@code prefix}.
   *
   * @throws IllegalArgumentException if the prefix is not letters, digits and underscores
   */
  public static JdbcTokenStore create(DataSource dataSource, String prefix) {
    return new JdbcTokenStore(dataSource, prefix);
  }

  @Override
  public @Nullable OrgToken load(String clientId, String orgId) {
    try (Connection c = Sql.connect(dataSource)) {
      Versioned v = read(c, clientId, orgId, false);
      return v == null ? null : v.token;
    } catch (SQLException e) {
      throw Sql.failure("Loading the org token of org " + orgId, e);
    }
  }

  @Override
  public void save(OrgToken token) {
    try (Connection c = Sql.connect(dataSource)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO " + tokens + " (client_id, org_id, access_token, refresh_token, token_type, obtained_at,"
                  + " expires_at, refresh_expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                  + " ON CONFLICT (client_id, org_id) DO UPDATE SET access_token = EXCLUDED.access_token,"
                  + " refresh_token = EXCLUDED.refresh_token, token_type = EXCLUDED.token_type,"
                  + " obtained_at = EXCLUDED.obtained_at, expires_at = EXCLUDED.expires_at,"
                  + " refresh_expires_at = EXCLUDED.refresh_expires_at, version = " + tokens + ".version + 1")) {
        bind(s, token);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw Sql.failure("Saving the org token of org " + token.orgId(), e);
    }
  }

  @Override
  public void delete(String clientId, String orgId) {
    try (Connection c = Sql.connect(dataSource);
        PreparedStatement s =
            c.prepareStatement("DELETE FROM " + tokens + " WHERE client_id = ? AND org_id = ?")) {
      s.setString(1, clientId);
      s.setString(2, orgId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure("Deleting the org token of org " + orgId, e);
    }
  }

  /**
   * One query on the primary key's leading column ({@code WHERE client_id = ?}): an index range scan, however many
   * apps share the table.
   */
  @Override
  public Set<String> organizations(String clientId) {
    Checks.notBlankArgument(clientId, "clientId");
    Set<String> orgs = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT org_id FROM " + tokens + " WHERE client_id = ?")) {
      s.setString(1, clientId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          orgs.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw Sql.failure("Listing the organizations with an org token", e);
    }
    return Set.copyOf(orgs);
  }

  /**
   * Takes the lease row if it is free or expired, polling every few milliseconds (at most 100) until {@code
   * maxWait} has passed.
   */
  @Override
  public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
    String holder = UUID.randomUUID().toString();
    return RefreshLease.poll("org " + orgId, maxWait, () -> {
      Long fence = tryAcquire(clientId, orgId, holder, ttl);
      return fence == null ? null : new Lease(clientId, orgId, holder, fence);
    });
  }

  /** The new fence if the lease was free or expired and is now {@code holder}'s, else null. */
  private @Nullable Long tryAcquire(String clientId, String orgId, String holder, Duration ttl) {
    try (Connection c = Sql.connect(dataSource);
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + leases + " (client_id, org_id, holder, fence, expires_at)"
                    + " VALUES (?, ?, ?, 1, clock_timestamp() + ? * INTERVAL '1 millisecond')"
                    + " ON CONFLICT (client_id, org_id) DO UPDATE SET holder = EXCLUDED.holder,"
                    + " fence = " + leases + ".fence + 1, expires_at = EXCLUDED.expires_at"
                    + " WHERE " + leases + ".expires_at <= clock_timestamp() RETURNING fence")) {
      s.setString(1, clientId);
      s.setString(2, orgId);
      s.setString(3, holder);
      s.setLong(4, ttl.toMillis());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : null;
      }
    } catch (SQLException e) {
      throw Sql.failure("Taking the refresh lease of org " + orgId, e);
    }
  }

  private @Nullable Versioned read(Connection c, String clientId, String orgId, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT access_token, refresh_token, token_type, obtained_at, expires_at, refresh_expires_at, version"
                + " FROM " + tokens + " WHERE client_id = ? AND org_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
      s.setString(1, clientId);
      s.setString(2, orgId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        try {
          OrgToken token =
              OrgToken.builder()
                  .clientId(clientId)
                  .orgId(orgId)
                  .accessToken(credential(r.getString(1)))
                  .refreshToken(credential(r.getString(2)))
                  .tokenType(r.getString(3))
                  .obtainedAt(instant(r.getTimestamp(4)))
                  .expiresAt(instant(r.getTimestamp(5)))
                  .refreshExpiresAt(instant(r.getTimestamp(6)))
                  .build();
          if (token.expiresAt().isBefore(token.obtainedAt())) {
            throw new IllegalStateException("expires before it was obtained");
          }
          return new Versioned(token, r.getLong(7));
        } catch (RuntimeException e) {
          // Say which row, never what is in it.
          throw new TokenStoreException(
              "The stored org token of org " + orgId + " in " + tokens + " is not a valid token ("
                  + e.getClass().getSimpleName() + ")",
              e);
        }
      }
    }
  }

  /** A token as an HTTP header can carry it: visible ASCII, not blank. */
  private static String credential(@Nullable String value) {
    if (value == null || value.isEmpty() || !value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw new IllegalStateException("a token is blank or has characters a header cannot carry");
    }
    return value;
  }

  private static Instant instant(@Nullable Timestamp t) {
    if (t == null) {
      throw new IllegalStateException("a timestamp is null");
    }
    return t.toInstant();
  }

  private static void bind(PreparedStatement s, OrgToken token) throws SQLException {
    s.setString(1, token.clientId());
    s.setString(2, token.orgId());
    s.setString(3, token.accessToken());
    s.setString(4, token.refreshToken());
    s.setString(5, token.tokenType());
    s.setTimestamp(6, Timestamp.from(token.obtainedAt()));
    s.setTimestamp(7, Timestamp.from(token.expiresAt()));
    s.setTimestamp(8, Timestamp.from(token.refreshExpiresAt()));
  }

  @Override
  public String toString() {
    return "JdbcTokenStore{" + tokens + '}';
  }

  private record Versioned(OrgToken token, long version) {}

  /** A lease row held by {@code holder} at {@code fence}; remembers the token version it read for the save. */
  private final class Lease implements RefreshLease {
    private final String clientId;
    private final String orgId;
    private final String holder;
    private final long fence;
    /** The version read under this lease: 0 for no row, -1 before any read. */
    private long readVersion = -1;
    private boolean released;

    Lease(String clientId, String orgId, String holder, long fence) {
      this.clientId = clientId;
      this.orgId = orgId;
      this.holder = holder;
      this.fence = fence;
    }

    @Override
    public @Nullable OrgToken load() {
      try (Connection c = Sql.connect(dataSource)) {
        Versioned v = read(c, clientId, orgId, false);
        readVersion = v == null ? 0 : v.version;
        return v == null ? null : v.token;
      } catch (SQLException e) {
        throw Sql.failure("Loading the org token of org " + orgId, e);
      }
    }

    @Override
    public void save(OrgToken token) {
      if (released) {
        throw new TokenStoreException("The refresh lease of org " + orgId + " was released; the token was not saved");
      }
      try (Connection c = Sql.connect(dataSource)) {
        c.setAutoCommit(false);
        try {
          saveFenced(c, token);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw Sql.failure("Saving the org token of org " + orgId, e);
      }
    }

    private void saveFenced(Connection c, OrgToken token) throws SQLException {
      // Locks the lease row: a takeover waits for this transaction, and this one sees any takeover before it.
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT holder = ? AND fence = ? AND expires_at > clock_timestamp() FROM " + leases
                  + " WHERE client_id = ? AND org_id = ? FOR UPDATE")) {
        s.setString(1, holder);
        s.setLong(2, fence);
        s.setString(3, clientId);
        s.setString(4, orgId);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !r.getBoolean(1)) {
            throw new TokenStoreException(
                "The refresh lease of org " + orgId + " expired or passed to another instance; the token was not"
                    + " saved");
          }
        }
      }
      Versioned current = read(c, clientId, orgId, true);
      long expected = readVersion >= 0 ? readVersion : current == null ? 0 : current.version;
      long found = current == null ? 0 : current.version;
      if (found != expected) {
        throw new TokenStoreException(
            "The org token of org " + orgId + " changed since it was read under the lease; the token was not saved");
      }
      if (current == null) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + tokens + " (client_id, org_id, access_token, refresh_token, token_type,"
                    + " obtained_at, expires_at, refresh_expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
          bind(s, token);
          s.executeUpdate();
        }
      } else {
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE " + tokens + " SET client_id = ?, org_id = ?, access_token = ?, refresh_token = ?,"
                    + " token_type = ?, obtained_at = ?, expires_at = ?, refresh_expires_at = ?,"
                    + " version = version + 1 WHERE client_id = ? AND org_id = ? AND version = ?")) {
          bind(s, token);
          s.setString(9, clientId);
          s.setString(10, orgId);
          s.setLong(11, found);
          s.executeUpdate();
        }
      }
      readVersion = found + 1;
    }

    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      try (Connection c = Sql.connect(dataSource);
          PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM " + leases + " WHERE client_id = ? AND org_id = ? AND holder = ? AND fence = ?")) {
        s.setString(1, clientId);
        s.setString(2, orgId);
        s.setString(3, holder);
        s.setLong(4, fence);
        s.executeUpdate();
      } catch (SQLException | RuntimeException e) {
        // Never throws: a lease that cannot be released expires by itself.
      }
    }

    @Override
    public String toString() {
      return "JdbcTokenStore.Lease{org " + orgId + ", fence " + fence + '}';
    }
  }
}
