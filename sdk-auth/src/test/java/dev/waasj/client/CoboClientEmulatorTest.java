package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.auth.token.TokenResponse;
import dev.waasj.errors.BadRequestException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.RateLimitException;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.errors.ServerException;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.CoboEmulatorExtension;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.testkit.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client end to end against the emulator, whose signature checks are written independently of ours (JDK
 * Ed25519): tokens obtained and refreshed, forged or unsigned answers refused, safe retries.
 */
class CoboClientEmulatorTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final String CLIENT_ID = "app-1";
  static final String ORG_ID = "org-1";

  @RegisterExtension
  static final CoboEmulatorExtension COBO =
      CoboEmulatorExtension.create(b -> b.registerApp(CLIENT_ID, ORG_ID, APP.publicKeyHex()));

  CoboClient client;

  @BeforeEach
  void setUp() {
    client = fromEnv(COBO.get().serverPublicKeyHex());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static CoboClient fromEnv(String serverKey) {
    return CoboClient.builder()
        .environmentVariables(
            Map.of(
                "COBO_BASE_URL", COBO.get().baseUrl(),
                "COBO_API_SECRET", APP.seedHex(),
                "COBO_SERVER_PUBLIC_KEY", serverKey))
        .sleeper((millis, call) -> {})
        .build();
  }

  TokenResponse getToken() {
    return client.api(TestApi.class).getToken(CLIENT_ID, ORG_ID, "org_implicit");
  }

  TokenResponse refresh(String refreshToken) {
    return client.api(TestApi.class).refreshToken(TestApi.refreshBody(CLIENT_ID, refreshToken));
  }

  @Test
  void getsAndRefreshesATokenFromTheEnvironmentConfiguredClient() {
    TokenResponse first = getToken();
    TokenResponse second = refresh(first.refreshToken());

    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(COBO.get().isAccessTokenValid(second.accessToken())).isTrue();
    assertThat(COBO.get().requests()).extracting(RecordedExchange::verdict)
        .containsExactly(Verdict.ACCEPTED, Verdict.ACCEPTED);
  }

  @Test
  void appAndOrgFromTheEnvironmentTurnOnTokenManagement() {
    try (CoboClient managed =
        CoboClient.builder()
            .environmentVariables(
                Map.of(
                    "COBO_BASE_URL", COBO.get().baseUrl(),
                    "COBO_API_SECRET", APP.seedHex(),
                    "COBO_SERVER_PUBLIC_KEY", COBO.get().serverPublicKeyHex(),
                    "COBO_CLIENT_ID", CLIENT_ID,
                    "COBO_ORG_ID", ORG_ID))
            .build()) {
      String token = managed.tokens().accessToken();

      assertThat(COBO.get().isAccessTokenValid(token)).isTrue();
      assertThat(managed.tokens().orgId()).isEqualTo(ORG_ID);
    }
  }

  @Test
  void responsesSignedWithAnotherKeyAreRefused() {
    COBO.get().enqueueFault(Fault.wrongKeySignature());

    ResponseSignatureException e = catchThrowableOfType(ResponseSignatureException.class, this::getToken);

    assertThat(e.reason()).isEqualTo(ResponseSignatureException.Reason.INVALID);
    assertThat(e.statusCode()).isEqualTo(200);
  }

  @Test
  void unsignedResponsesAreRefused() {
    COBO.get().enqueueFault(Fault.unsigned());

    ResponseSignatureException e = catchThrowableOfType(ResponseSignatureException.class, this::getToken);

    assertThat(e.reason()).isEqualTo(ResponseSignatureException.Reason.MISSING);
  }

  @Test
  void tamperedBodiesAreRefused() {
    COBO.get().enqueueFault(Fault.tamperedBody());

    assertThatThrownBy(this::getToken).isInstanceOf(ResponseSignatureException.class);
  }

  @Test
  void aClientExpectingAnotherServerKeyRefusesEverything() {
    try (CoboClient other = fromEnv(TestKeyPair.generate().publicKeyHex())) {
      assertThatThrownBy(() -> other.api(TestApi.class).getToken(CLIENT_ID, ORG_ID, "org_implicit"))
          .isInstanceOf(ResponseSignatureException.class);
    }
  }

  @Test
  void asyncCallsFailWithTheSameSignatureException() {
    COBO.get().enqueueFault(Fault.wrongKeySignature());

    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () -> client.api(TestApi.class).getTokenAsync(CLIENT_ID, ORG_ID, "org_implicit").get(10, TimeUnit.SECONDS));

    assertThat(e.getCause()).isInstanceOf(ResponseSignatureException.class);
  }

  @Test
  void signedOAuthErrorsSurfaceAsApiErrors() {
    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> refresh("never-issued"));

    assertThat(e.oauthError()).isEqualTo("invalid_grant");
  }

  @Test
  void unsignedRateLimitFromAProxyIsRetriedThenSucceeds() {
    COBO.get().enqueueFault(Fault.rateLimited(1));

    assertThat(getToken().accessToken()).isNotBlank();
    List<RecordedExchange> seen = COBO.get().requests();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).status()).hasValue(429);
    assertThat(seen.get(1).verdict()).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void rateLimitThatOutlastsRetriesIsARateLimitException() {
    COBO.get().enqueueFault(Fault.rateLimited(1), 3);

    assertThatThrownBy(this::getToken).isInstanceOf(RateLimitException.class);
    assertThat(COBO.get().requests()).hasSize(3); // first attempt + RetryPolicy.DEFAULT's two retries
  }

  @Test
  void unsignedHtmlBadGatewayIsAServerErrorWithTheRawPage() {
    try (CoboClient noRetries = builder().retryPolicy(RetryPolicy.NONE).build()) {
      COBO.get().enqueueFault(Fault.badGateway());

      ServerException e =
          catchThrowableOfType(
              ServerException.class, () -> noRetries.api(TestApi.class).getToken(CLIENT_ID, ORG_ID, "org_implicit"));

      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.rawBody()).contains("<html");
    }
  }

  @Test
  void idempotentGetIsRetriedAfterBadGatewayButRefreshPostIsNot() {
    COBO.get().enqueueFault(Fault.badGateway());
    assertThat(getToken().accessToken()).isNotBlank();
    assertThat(COBO.get().requests()).hasSize(2);

    COBO.get().clearRequests();
    COBO.get().enqueueFault(Fault.badGateway());
    assertThatThrownBy(() -> refresh("rt")).isInstanceOf(ServerException.class);
    assertThat(COBO.get().requests()).hasSize(1); // the refresh may have rotated: never sent twice
  }

  @Test
  void droppedConnectionsAreRetriedAndEveryAttemptIsSignedAfresh() {
    COBO.get().enqueueFault(Fault.dropConnection(), 2);

    assertThat(getToken().accessToken()).isNotBlank();

    List<RecordedExchange> seen = COBO.get().requests();
    assertThat(seen).hasSize(3);
    Set<String> nonces = new HashSet<>();
    for (RecordedExchange exchange : seen) {
      nonces.add(exchange.header("BIZ-API-NONCE").orElseThrow());
    }
    assertThat(nonces).hasSize(3);
    assertThat(seen.get(2).verdict()).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void readTimeoutIsATransportException() {
    try (CoboClient impatient =
        builder().readTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.NONE).build()) {
      COBO.get().enqueueFault(Fault.latency(Duration.ofSeconds(2)));

      assertThatThrownBy(() -> impatient.api(TestApi.class).getToken(CLIENT_ID, ORG_ID, "org_implicit"))
          .isInstanceOf(CoboTransportException.class);
    }
  }

  @Test
  void thousandRequestsFromSixteenThreadsAllVerifyWithDistinctNonces() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<TokenResponse>> results = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        results.add(pool.submit(this::getToken));
      }
      for (Future<TokenResponse> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS).accessToken()).isNotBlank();
      }
    } finally {
      pool.shutdownNow();
    }

    List<RecordedExchange> seen = COBO.get().requests();
    assertThat(seen).hasSize(1000).allMatch(r -> r.verdict() == Verdict.ACCEPTED);
    assertThat(seen.stream().map(r -> r.header("BIZ-API-NONCE").orElseThrow()).distinct()).hasSize(1000);
  }

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(COBO.get().baseUrl())
        .serverPublicKey(COBO.get().serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .sleeper((millis, call) -> {});
  }
}
