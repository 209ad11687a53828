package dev.waasj.store.jdbc;

import dev.waasj.webhooks.Claim;
import dev.waasj.webhooks.EventDeduplicator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Webhook events and callbacks claimed by any number of receivers, in {@code <prefix>webhook_event} (see {@link
 * JdbcSchema}): a claim is one atomic upsert that takes the row only when it is new, its lease ended without
 * completion, or its retention ended; completion records the outcome (a callback's {@code ok} or {@code deny}) for
 * the claim's owner only. Times are the database's. Completed rows are kept for the retention (7 days unless set),
 * then deleted by {@link #purgeExpired()}, which every 1,000th claim also runs.
 *
 * <p>A database failure is a {@link dev.waasj.errors.StoreException} naming what failed and the SQL state;
 * the receiver then answers 500 and Cobo delivers again.
 */
public final class JdbcEventDeduplicator implements EventDeduplicator {
  /** How long completed keys are kept when no retention is given: longer than Cobo's redeliveries last. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private final DataSource dataSource;
  private final String table;
  private final Duration retention;
  private final AtomicLong claims = new AtomicLong();

  private JdbcEventDeduplicator(DataSource dataSource, String prefix, Duration retention) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = JdbcSchema.checkPrefix(prefix) + "webhook_event";
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.retention = retention;
  }

  /** A deduplicator on {@code waasj_webhook_event}, keeping completed keys {@link #DEFAULT_RETENTION}. */
  public static JdbcEventDeduplicator create(DataSource dataSource) {
    return new JdbcEventDeduplicator(dataSource, JdbcSchema.DEFAULT_PREFIX, DEFAULT_RETENTION);
  }

  /**
   * A deduplicator on {@code <prefix>webhook_event}, keeping completed keys for {@code retention}.
   *
   * @throws IllegalArgumentException if the prefix is not letters, digits and underscores, or the retention is not
   *     positive
   */
  public static JdbcEventDeduplicator create(DataSource dataSource, String prefix, Duration retention) {
    return new JdbcEventDeduplicator(dataSource, prefix, Objects.requireNonNull(retention, "retention"));
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key");
    String owner = UUID.randomUUID().toString();
    if (claims.incrementAndGet() % 1000 == 0) {
      purgeExpired();
    }
    try (Connection c = Sql.connect(dataSource)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO " + table + " (event_id, state, owner, fence, lease_until, outcome, expires_at)"
                  + " VALUES (?, 'RUNNING', ?, 1, clock_timestamp() + ? * INTERVAL '1 millisecond', NULL,"
                  + " clock_timestamp() + ? * INTERVAL '1 millisecond')"
                  + " ON CONFLICT (event_id) DO UPDATE SET state = 'RUNNING', owner = EXCLUDED.owner,"
                  + " fence = " + table + ".fence + 1, lease_until = EXCLUDED.lease_until, outcome = NULL,"
                  + " expires_at = EXCLUDED.expires_at"
                  + " WHERE (" + table + ".state = 'RUNNING' AND " + table + ".lease_until <= clock_timestamp())"
                  + " OR " + table + ".expires_at <= clock_timestamp() RETURNING owner")) {
        s.setString(1, key);
        s.setString(2, owner);
        s.setLong(3, lease.toMillis());
        s.setLong(4, Math.max(lease.toMillis(), retention.toMillis()));
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && owner.equals(r.getString(1))) {
            return Claim.claimed(key, owner);
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("SELECT state, outcome FROM " + table + " WHERE event_id = ?")) {
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && "DONE".equals(r.getString(1)) && r.getString(2) != null) {
            return Claim.done(key, r.getString(2));
          }
        }
      }
      return Claim.runningElsewhere(key); // held, or changed hands between the two statements: Cobo retries
    } catch (SQLException e) {
      throw Sql.storeFailure("Claiming a webhook delivery", e);
    }
  }

  @Override
  public boolean complete(Claim claim, String outcome) {
    Objects.requireNonNull(outcome, "outcome");
    try (Connection c = Sql.connect(dataSource);
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE " + table + " SET state = 'DONE', outcome = ?,"
                    + " expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond'"
                    + " WHERE event_id = ? AND owner = ? AND state = 'RUNNING'")) {
      s.setString(1, outcome);
      s.setLong(2, retention.toMillis());
      s.setString(3, claim.key());
      s.setString(4, claim.owner().orElse(""));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw Sql.storeFailure("Completing a webhook delivery", e);
    }
  }

  @Override
  public void release(Claim claim) {
    try (Connection c = Sql.connect(dataSource);
        PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM " + table + " WHERE event_id = ? AND owner = ? AND state = 'RUNNING'")) {
      s.setString(1, claim.key());
      s.setString(2, claim.owner().orElse(""));
      s.executeUpdate();
    } catch (SQLException e) {
      throw Sql.storeFailure("Releasing a webhook delivery", e);
    }
  }

  /**
   * Deletes the rows whose retention ended.
   *
   * @return how many
   */
  public int purgeExpired() {
    try (Connection c = Sql.connect(dataSource);
        PreparedStatement s =
            c.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= clock_timestamp()")) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw Sql.storeFailure("Purging expired webhook deliveries", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcEventDeduplicator{" + table + ", retention " + retention + '}';
  }
}
