package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.webhooks.Claim;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stores on a pool that hands out connections with auto-commit off (Hikari's {@code autoCommit=false}, which
 * some applications set for their own transactions): every step is still committed, so a saved token is there for
 * the next instance, a lease excludes, a claim holds. Before the stores turned auto-commit on for their own
 * statements, Hikari rolled each one back when the connection went back to the pool: saves vanished and every
 * instance got the lease at once.
 */
class PoolWithoutAutoCommitTest {
  static EmbeddedPostgres postgres;
  static HikariDataSource pool;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setAutoCommit(false);
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    JdbcSchema.create(pool, "nc_");
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close();
    postgres.close();
  }

  @Test
  void aSavedTokenAndAHeldLeaseAreCommitted() {
    JdbcTokenStore store = JdbcTokenStore.create(pool, "nc_");
    OrgToken token = token("AT-1", "RT-1");
    store.save(token);
    assertThat(store.load("app", "org")).isEqualTo(token);

    try (RefreshLease held = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      assertThatThrownBy(() -> store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO))
          .isInstanceOf(TokenStoreException.class)
          .hasMessageContaining("held the refresh lease");
      held.load();
      held.save(token("AT-2", "RT-2"));
    }
    assertThat(store.load("app", "org").accessToken()).isEqualTo("AT-2");
    try (RefreshLease next = store.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
      assertThat(next.load().accessToken()).as("the release was committed too").isEqualTo("AT-2");
    }
  }

  @Test
  void aClaimHoldsAndItsOutcomeIsKept() {
    JdbcEventDeduplicator dedup = JdbcEventDeduplicator.create(pool, "nc_", Duration.ofDays(7));
    Claim claim = dedup.claim("event:e1", Duration.ofMinutes(1));
    assertThat(claim.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(dedup.claim("event:e1", Duration.ofMinutes(1)).state()).isEqualTo(Claim.State.RUNNING_ELSEWHERE);

    assertThat(dedup.complete(claim, "handled")).isTrue();
    assertThat(dedup.claim("event:e1", Duration.ofMinutes(1)).outcome()).hasValue("handled");
  }

  private static OrgToken token(String access, String refresh) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // what TIMESTAMPTZ keeps
    return OrgToken.builder().clientId("app").orgId("org").accessToken(access).refreshToken(refresh)
        .tokenType("Bearer").obtainedAt(now).expiresAt(now.plusSeconds(3600))
        .refreshExpiresAt(now.plusSeconds(7200)).build();
  }
}
