package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.CoboException;
import dev.waasj.errors.MalformedResponseException;
import dev.waasj.errors.ServerException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The defects a black-box run found (issue 17), each reproduced and held fixed. */
class ReliabilityTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";

  @StartStop final MockWebServer server = new MockWebServer();

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(SECRET)
        .sleeper((millis, call) -> {});
  }

  @Test
  void aRefreshReachesTheServerAtMostOnceEvenWhenAPooledConnectionDiesUnderIt() {
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator cobo = CoboEmulator.builder().registerApp("app", "org", app.publicKeyHex()).start();
        CoboClient client =
            CoboClient.builder()
                .baseUrl(cobo.baseUrl())
                .serverPublicKey(cobo.serverPublicKeyHex())
                .apiSecret(app.seedHex())
                .clientId("app")
                .orgId("org")
                .sleeper((millis, call) -> {})
                .build()) {
      client.tokens().accessToken(); // leaves a keep-alive connection in the pool
      cobo.clearRequests();
      cobo.enqueueFault(Fault.dropConnection(), 3); // the server reads the POST, then resets the connection

      catchThrowableOfType(CoboException.class, () -> client.tokens().refresh());

      assertThat(cobo.requests()).extracting(RecordedExchange::method).containsExactly("POST");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", ""})
  void aSignedSuccessWithoutTheDeclaredBodyIsMalformedNotNull(String body) {
    server.enqueue(Signed.json(body.isEmpty() ? 204 : 200, body).build());
    try (CoboClient client = builder().clientId("app").orgId("org").retryPolicy(RetryPolicy.NONE).build()) {
      assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.tokens().accessToken()))
          .hasMessageContaining("without");
    }
    try (CoboClient client = builder().build()) {
      server.enqueue(Signed.json(200, "null").build());
      assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.api(TestApi.class).listWallets()))
          .hasMessageContaining("HTTP 200 arrived without the response body the operation declares");
    }
  }

  @Test
  void anOperationThatDeclaresNoBodyAcceptsNone() {
    server.enqueue(Signed.json(204, "").build());
    try (CoboClient client = builder().build()) {
      assertThat(client.api(TestApi.class).deleteWallet()).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "1e16", "-9223372036854775808", "1e400"})
  void anAbsurdExpiresInIsClampedSoNoRawExceptionEscapesSyncOrAsync(String expiresIn) throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-1", "RT-1", 0).replace("\"expires_in\":0",
        "\"expires_in\":" + expiresIn)).build());
    server.enqueue(Signed.json(200, "{}").build());
    server.enqueue(Signed.json(200, Signed.token("AT-2", "RT-2", 3600)).build());
    server.enqueue(Signed.json(200, "{}").build());
    try (CoboClient client = builder().clientId("app").orgId("org").build()) {
      Map<String, Object> page = client.api(TestApi.class).listWalletsAsync().get(10, TimeUnit.SECONDS);

      assertThat(page).isEmpty();
      assertThat(client.tokens().peek().expiresAt())
          .isBetween(client.tokens().peek().obtainedAt(), client.tokens().peek().obtainedAt().plus(Duration.ofDays(30)));
      assertThat(client.tokens().refresh().accessToken()).isIn("AT-1", "AT-2");
    }
  }

  @Test
  void anUnsignedProxyPageIsReadOnlyUpToABound() {
    Buffer page = new Buffer();
    page.writeUtf8("<html>");
    for (int i = 0; i < 8 * 1024; i++) {
      page.writeUtf8("x".repeat(1024)); // 8 MiB
    }
    server.enqueue(new MockResponse.Builder().code(502).body(page).build());
    try (CoboClient client = builder().retryPolicy(RetryPolicy.NONE).build()) {
      ServerException e = catchThrowableOfType(ServerException.class, () -> client.api(TestApi.class).listWallets());

      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.rawBody()).startsWith("<html>").hasSize(64 * 1024);
      assertThat(e.getMessage()).isEqualTo("HTTP 502, non-JSON body (65536 chars)");
    }
  }

  @Test
  void withVerificationOffAResponseBodyIsStillBounded() {
    server.enqueue(new MockResponse.Builder().body("{\"a\":\"" + "x".repeat(2_000) + "\"}").build());
    try (CoboClient client =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .apiSecret(SECRET)
            .disableResponseVerification()
            .maxResponseBodyBytes(1_000)
            .build()) {
      assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.api(TestApi.class).listWallets()))
          .hasMessageContaining("exceeds the limit of 1000 bytes");
    }
  }
}
