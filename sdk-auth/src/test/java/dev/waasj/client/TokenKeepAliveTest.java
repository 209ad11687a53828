package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.auth.token.KeepAliveOutcome;
import dev.waasj.auth.token.OrgToken;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive on the real scheduler with short intervals, against the emulator on one clock moved 21 days ahead:
 * every idle organization's refresh token is renewed once, across two clients sharing the store, and never twice.
 */
class TokenKeepAliveTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final int ORGS = 40;

  @Test
  void idleOrganizationsAreRenewedOnceAcrossClientsSharingTheStore() throws Exception {
    MutableClock clock = MutableClock.at(Instant.now());
    InMemoryTokenStore store = new InMemoryTokenStore();
    CoboEmulator.Builder emulator = CoboEmulator.builder().clock(clock).refreshTokenLifetime(Duration.ofDays(30));
    for (int i = 0; i < ORGS; i++) {
      emulator.registerApp("app", "org-" + i, APP.publicKeyHex());
    }
    try (CoboEmulator cobo = emulator.start()) {
      try (CoboClient first = client(cobo, clock, store).build()) {
        for (int i = 0; i < ORGS; i++) {
          first.organization("org-" + i).api(TestApi.class).listWallets();
        }
      }
      clock.advance(Duration.ofDays(21)); // every refresh token is 21 days old, 9 days from lapsing
      cobo.clearRequests();

      List<KeepAliveOutcome> heard = new CopyOnWriteArrayList<>();
      CoboListener listener =
          new CoboListener() {
            @Override
            public void keepAliveFinished(KeepAliveOutcome outcome) {
              heard.add(outcome);
            }
          };
      try (CoboClient a =
              client(cobo, clock, store).keepOrganizationsAlive(Duration.ofDays(20), ms(300)).listener(listener)
                  .build();
          CoboClient b =
              client(cobo, clock, store).keepOrganizationsAlive(Duration.ofDays(20), ms(300)).listener(listener)
                  .build()) {
        a.organization("org-0").tokens(); // a knows one organization; the rest come from the store
        assertThat(b.tokenManagers().cachedOrganizations()).isEmpty(); // b knows only the store
        Instant renewedAfter = clock.instant().minus(Duration.ofMinutes(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && renewed(store, renewedAfter) < ORGS) {
          Thread.sleep(50);
        }
        assertThat(renewed(store, renewedAfter)).isEqualTo(ORGS);
        Thread.sleep(1_000); // more rounds of both clients: nothing is due any more

        assertThat(cobo.requests())
            .filteredOn(r -> r.path().endsWith("/oauth/token"))
            .allSatisfy(r -> assertThat(r.status()).hasValue(200))
            .hasSize(ORGS); // one renewal per organization, whichever client made it
        assertThat(heard).filteredOn(o -> o.result() == KeepAliveOutcome.Result.RENEWED).hasSize(ORGS);
        assertThat(heard).extracting(KeepAliveOutcome::result)
            .allMatch(r -> r == KeepAliveOutcome.Result.RENEWED || r == KeepAliveOutcome.Result.ALREADY_RENEWED);
      }
    }
  }

  static long renewed(InMemoryTokenStore store, Instant after) {
    long n = 0;
    for (int i = 0; i < ORGS; i++) {
      OrgToken t = store.load("app", "org-" + i);
      if (t != null && t.obtainedAt().isAfter(after)) {
        n++;
      }
    }
    return n;
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static CoboClient.Builder client(CoboEmulator cobo, MutableClock clock, InMemoryTokenStore store) {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .clientId("app")
        .tokenStore(store)
        .clock(clock);
  }
}
