package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.errors.ApiKeyAuthenticationException;
import dev.waasj.errors.AuthenticationException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.CoboEmulatorExtension;
import dev.waasj.testkit.MutableClock;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 401 refreshes the org token only when the token was the problem: an answer that blames the request's own
 * authentication (2022, 2023, 2024) goes to the caller untouched, so a misconfigured key cannot rotate the
 * organization's refresh token on every call.
 */
class TokenRefusalTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final TestKeyPair STRANGER = TestKeyPair.generate(); // a key the emulator has never heard of

  @RegisterExtension
  static final CoboEmulatorExtension COBO =
      CoboEmulatorExtension.create(b -> b.registerApp("app", "org", APP.publicKeyHex()));

  @StartStop final MockWebServer server = new MockWebServer();

  CoboClient.Builder client(TestKeyPair key, InMemoryTokenStore store) {
    return CoboClient.builder()
        .baseUrl(COBO.get().baseUrl())
        .serverPublicKey(COBO.get().serverPublicKeyHex())
        .apiSecret(key.seedHex())
        .clientId("app")
        .orgId("org")
        .tokenStore(store)
        .sleeper((millis, call) -> {});
  }

  long tokenRequests() {
    return COBO.get().requests().stream().filter(r -> r.path().endsWith("/oauth/token")).count();
  }

  @Test
  void fiftyCallsWithAWrongKeyCauseNoRefresh() {
    InMemoryTokenStore shared = new InMemoryTokenStore();
    try (CoboClient good = client(APP, shared).build()) {
      good.tokens().accessToken(); // a valid org token, in the store both clients share
    }
    COBO.get().clearRequests();

    try (CoboClient misconfigured = client(STRANGER, shared).build()) {
      for (int i = 0; i < 50; i++) {
        ApiKeyAuthenticationException e =
            catchThrowableOfType(
                ApiKeyAuthenticationException.class, () -> misconfigured.api(TestApi.class).listWallets());
        assertThat(e.errorCode()).isEqualTo(2024);
      }
    }

    List<RecordedExchange> wire = COBO.get().requests();
    assertThat(wire).hasSize(50); // one attempt each: no replay, no token request
    assertThat(tokenRequests()).isZero();
  }

  @Test
  void aRefusedTokenIsRefreshedAndTheCallReplayedOnce() {
    MutableClock serverClock = MutableClock.at(Instant.now());
    try (CoboEmulator emulator =
            CoboEmulator.builder()
                .registerApp("app", "org", APP.publicKeyHex())
                .clock(serverClock)
                .nonceWindow(Duration.ofDays(2))
                .start();
        CoboClient cobo =
            CoboClient.builder()
                .baseUrl(emulator.baseUrl())
                .serverPublicKey(emulator.serverPublicKeyHex())
                .responseTimestampTolerance(Duration.ofDays(2))
                .apiSecret(APP.seedHex())
                .clientId("app")
                .orgId("org")
                .build()) {
      String first = cobo.tokens().accessToken();
      // The server's clock runs past the token's expiry while ours does not: it refuses the token, invalid_token.
      serverClock.advance(Duration.ofHours(13));

      Map<String, Object> page = cobo.api(TestApi.class).listWallets();

      assertThat(page).containsKey("data");
      assertThat(cobo.tokens().accessToken()).isNotEqualTo(first);
      assertThat(emulator.requests())
          .extracting(r -> r.method() + " " + r.path())
          .containsExactly("GET /v2/oauth/token", "GET /v2/wallets", "POST /v2/oauth/token", "GET /v2/wallets");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2022, 2023, 2024})
  void requestAuthenticationCodesAreNotTokenProblems(int code) throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-1", "RT-1", 3600)).build());
    server.enqueue(Signed.json(401, "{\"error_code\":" + code + ",\"error_message\":\"no\",\"error_id\":\"e\"}").build());
    try (CoboClient cobo =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .serverPublicKey(Signed.PUBLIC_KEY)
            .apiSecret(RetryTimingTest.SECRET)
            .clientId("app")
            .orgId("org")
            .build()) {
      AuthenticationException e =
          catchThrowableOfType(AuthenticationException.class, () -> cobo.api(TestApi.class).listWallets());

      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(cobo.tokens().accessToken()).isEqualTo("AT-1"); // not invalidated
    }
    assertThat(server.getRequestCount()).isEqualTo(2); // the grant and the call: no refresh, no replay
  }
}
