package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboClient;
import dev.waasj.client.RetryPolicy;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token lifecycle against the emulator, on one injected clock shared by client, manager and server, so expiry
 * is reached by moving the clock, never by sleeping.
 */
class OrgTokenManagerTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final Duration LIFETIME = Duration.ofHours(1);

  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T00:00:00Z"));
  CoboEmulator cobo;
  CoboClient client;

  @BeforeEach
  void setUp() {
    cobo =
        CoboEmulator.builder()
            .registerApp("app", "org", APP.publicKeyHex())
            .clock(clock)
            .accessTokenLifetime(LIFETIME)
            .start();
    client = clientWith(new InMemoryTokenStore());
  }

  CoboClient clientWith(TokenStore store) {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .clientId("app")
        .orgId("org")
        .tokenStore(store)
        .tokenRefreshMargin(Duration.ofMinutes(5))
        .retryPolicy(RetryPolicy.NONE)
        .clock(clock)
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    cobo.close();
  }

  List<String> tokenCalls() {
    return cobo.requests().stream()
        .filter(r -> r.path().endsWith("/oauth/token"))
        .map(RecordedExchange::method)
        .collect(Collectors.toList());
  }

  @Test
  void firstUseGetsATokenThenServesItFromMemory() {
    String first = client.tokens().accessToken();
    String again = client.tokens().accessToken();

    assertThat(again).isEqualTo(first);
    assertThat(tokenCalls()).containsExactly("GET");
    assertThat(cobo.isAccessTokenValid(first)).isTrue();
  }

  @Test
  void hundredThreadsOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
    client.tokens().accessToken();
    clock.advance(LIFETIME.plusMinutes(1));
    cobo.enqueueFault(Fault.latency(Duration.ofMillis(300))); // keep the refresh in flight while threads pile up

    ExecutorService pool = Executors.newFixedThreadPool(100);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.tokens().accessToken();
                }));
      }
      start.countDown();
      Set<String> tokens = new java.util.HashSet<>();
      for (Future<String> f : results) {
        tokens.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(tokens).hasSize(1);
      assertThat(cobo.isAccessTokenValid(tokens.iterator().next())).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenCalls()).containsExactly("GET", "POST");
  }

  @Test
  void refreshesInsideTheMarginAndNotBefore() {
    String first = client.tokens().accessToken();

    clock.advance(LIFETIME.minusMinutes(5).minusSeconds(1));
    assertThat(client.tokens().accessToken()).isEqualTo(first);
    assertThat(tokenCalls()).containsExactly("GET");

    clock.advance(Duration.ofSeconds(2));
    String second = client.tokens().accessToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(tokenCalls()).containsExactly("GET", "POST");
  }

  @Test
  void rotationStoresTheNewestRefreshTokenBeforeUse() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    try (CoboClient c = clientWith(store)) {
      OrgToken first = c.tokens().token();
      OrgToken second = c.tokens().refresh();

      assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
      assertThat(store.load("app", "org")).isEqualTo(second);
    }
  }

  @Test
  void reusedRefreshTokenFallsBackToGetToken() {
    OrgToken mine = client.tokens().token();
    // Someone else spends our refresh token (a leaked copy, or a worker without a shared store).
    client.api(TestApi.class).refreshToken(TestApi.refreshBody("app", mine.refreshToken()));
    cobo.clearRequests();

    OrgToken next = client.tokens().refresh();

    assertThat(next.accessToken()).isNotEqualTo(mine.accessToken());
    assertThat(cobo.isAccessTokenValid(next.accessToken())).isTrue();
    assertThat(cobo.requests())
        .extracting(RecordedExchange::method, r -> r.oauthError().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST", "invalid_grant"),
            org.assertj.core.groups.Tuple.tuple("GET", ""));
  }

  @Test
  void transientRefreshFailureKeepsServingTheValidTokenAndBacksOff() {
    String first = client.tokens().accessToken();
    clock.advance(LIFETIME.minusMinutes(2)); // inside the margin, still valid
    cobo.enqueueFault(Fault.serverError(503));

    assertThat(client.tokens().accessToken()).isEqualTo(first);
    assertThat(client.tokens().accessToken()).isEqualTo(first); // backing off: no second request
    assertThat(tokenCalls()).containsExactly("GET", "POST");

    clock.advance(Duration.ofSeconds(11));
    assertThat(client.tokens().accessToken()).isNotEqualTo(first);
    assertThat(tokenCalls()).containsExactly("GET", "POST", "POST");
  }

  @Test
  void transientFailureWithoutAValidTokenSurfaces() {
    cobo.enqueueFault(Fault.serverError(500));

    assertThatThrownBy(() -> client.tokens().accessToken())
        .isInstanceOf(dev.waasj.errors.ServerException.class);
  }

  @Test
  void tokensNeverAppearInToString() {
    OrgToken token = client.tokens().token();

    assertThat(token.toString())
        .doesNotContain(token.accessToken())
        .doesNotContain(token.refreshToken())
        .contains("org");
    assertThat(client.tokens().toString()).doesNotContain(token.accessToken());
  }

  @Test
  void bearerGoesToOrgCallsAndNeverToTheTokenEndpoint() throws Exception {
    okhttp3.Request wallets =
        new okhttp3.Request.Builder().url(client.baseUrl() + "wallets").get().build();
    try (okhttp3.Response response = client.httpClient().newCall(wallets).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    List<RecordedExchange> seen = cobo.requests();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).path()).endsWith("/oauth/token");
    assertThat(seen.get(0).header("Authorization")).isEmpty();
    assertThat(seen.get(1).path()).endsWith("/wallets");
    assertThat(seen.get(1).header("Authorization")).hasValue("Bearer " + client.tokens().accessToken());
  }

  @Test
  void aRestartedAppReusesItsStoredTokenWithoutAskingAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String before;
    try (CoboClient first = clientWith(new FileTokenStore(dir))) {
      before = first.tokens().accessToken();
    }
    cobo.clearRequests();

    try (CoboClient restarted = clientWith(new FileTokenStore(dir))) {
      assertThat(restarted.tokens().accessToken()).isEqualTo(before);
    }
    assertThat(cobo.requests()).isEmpty();
  }

  @Test
  void workersSharingAFileStoreAdoptEachOthersRotationWithoutSpendingRefreshTokens(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    try (CoboClient a = clientWith(new FileTokenStore(dir));
        CoboClient b = clientWith(new FileTokenStore(dir))) {
      String shared = a.tokens().accessToken();
      assertThat(b.tokens().accessToken()).isEqualTo(shared); // b loaded a's token from the file
      clock.advance(LIFETIME.minusMinutes(1));

      String rotatedByA = a.tokens().accessToken();
      cobo.clearRequests();
      String seenByB = b.tokens().accessToken();

      assertThat(rotatedByA).isNotEqualTo(shared);
      assertThat(seenByB).isEqualTo(rotatedByA);
      assertThat(cobo.requests()).isEmpty();
      assertThat(cobo.isAccessTokenValid(seenByB)).isTrue();
    }
  }

  @Test
  void aWorkerThatLostTheRefreshRaceAdoptsTheWinnersToken() {
    InMemoryTokenStore shared = new InMemoryTokenStore();
    // A store that hides the winner's save from b's looks before its refresh (the read that could adopt without
    // the lease, and the read under it), as when both decide to refresh at once.
    TokenStore racing =
        new TokenStore() {
          int loads;

          @Override
          public synchronized OrgToken load(String clientId, String orgId) {
            loads++;
            return loads == 2 || loads == 3 ? null : shared.load(clientId, orgId);
          }

          @Override
          public void save(OrgToken token) {
            shared.save(token);
          }

          @Override
          public void delete(String clientId, String orgId) {
            shared.delete(clientId, orgId);
          }
        };
    try (CoboClient a = clientWith(shared);
        CoboClient b = clientWith(racing)) {
      String first = a.tokens().accessToken();
      assertThat(b.tokens().accessToken()).isEqualTo(first); // load #1: adopts a's token
      clock.advance(LIFETIME.minusMinutes(1));
      String rotatedByA = a.tokens().accessToken();
      cobo.clearRequests();
      clock.advance(Duration.ofSeconds(1)); // two signers with one key must not reuse a nonce

      String seenByB = b.tokens().accessToken(); // loads #2, #3 see nothing; its refresh: invalid_grant; load #4

      assertThat(seenByB).isEqualTo(rotatedByA);
      assertThat(cobo.requests()).extracting(r -> r.oauthError().orElse("")).containsExactly("invalid_grant");
    }
  }
}
