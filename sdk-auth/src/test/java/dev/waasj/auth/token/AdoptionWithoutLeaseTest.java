package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.client.CoboClient;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Managers sharing a store take its refresh lease only to make a token request: one that finds a fresh token
 * another manager stored adopts it with one read. Otherwise every instance queues for the lease once per expiry
 * just to read, and with enough instances the queue outlasts the lease's TTL (seen in the many-hosts soak).
 */
class AdoptionWithoutLeaseTest {
  /** Counts the leases taken from a real in-memory store. */
  static final class CountingStore implements TokenStore {
    final TokenStore store = new InMemoryTokenStore();
    final AtomicInteger leases = new AtomicInteger();

    @Override
    public @Nullable OrgToken load(String clientId, String orgId) {
      return store.load(clientId, orgId);
    }

    @Override
    public void save(OrgToken token) {
      store.save(token);
    }

    @Override
    public void delete(String clientId, String orgId) {
      store.delete(clientId, orgId);
    }

    @Override
    public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
      leases.incrementAndGet();
      return store.acquireRefreshLease(clientId, orgId, ttl, maxWait);
    }
  }

  @Test
  void onlyTheManagerThatRequestsATokenTakesTheLease() {
    TestKeyPair app = TestKeyPair.generate();
    MutableClock clock = MutableClock.at(Instant.now());
    CountingStore store = new CountingStore();
    try (CoboEmulator cobo =
            CoboEmulator.builder()
                .registerApp("app", "org", app.publicKeyHex())
                .clock(clock)
                .revokeFamilyOnRefreshReuse(true)
                .start();
        CoboClient a = client(cobo, app, clock, store);
        CoboClient b = client(cobo, app, clock, store);
        CoboClient c = client(cobo, app, clock, store)) {
      String granted = a.tokens().accessToken();
      assertThat(b.tokens().accessToken()).isEqualTo(granted);
      assertThat(c.tokens().accessToken()).isEqualTo(granted);
      assertThat(store.leases).as("leases for the first grant").hasValue(1);

      clock.advance(Duration.ofHours(12)); // every manager's token is due
      String refreshed = a.tokens().accessToken();
      assertThat(b.tokens().accessToken()).isEqualTo(refreshed);
      assertThat(c.tokens().accessToken()).isEqualTo(refreshed);

      assertThat(store.leases).as("leases after one refresh that two managers adopted").hasValue(2);
      assertThat(cobo.requests())
          .filteredOn(r -> r.path().endsWith("/oauth/token"))
          .extracting(r -> r.method())
          .containsExactly("GET", "POST");
    }
  }

  private static CoboClient client(CoboEmulator cobo, TestKeyPair app, MutableClock clock, TokenStore store) {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(app.seedHex())
        .clientId("app")
        .orgId("org")
        .tokenStore(store)
        .clock(clock)
        .build();
  }
}
