package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.RateLimitException;
import dev.waasj.errors.ServerException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * What the retry policy promises, on the wire: every wait is recorded by a test sleeper that moves a test clock,
 * so back-off, {@code Retry-After} and deadlines are measured exactly and no test waits in real time.
 */
class RetryTimingTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final MutableClock clock = MutableClock.at(START);
  final List<Long> waits = new CopyOnWriteArrayList<>();

  /** Records each wait and lets that much test time pass. */
  final RetryWaits.Sleeper recording =
      (millis, call) -> {
        waits.add(millis);
        clock.advance(Duration.ofMillis(millis));
      };

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(SECRET)
        .responseTimestampTolerance(Duration.ofDays(3650)) // the test clock and the server's clock differ
        .clock(clock)
        .sleeper(recording);
  }

  TestApi api(CoboClient client) {
    return client.api(TestApi.class);
  }

  static MockResponse unsigned(int status, String retryAfter) {
    // As proxies answer: unsigned, a JSON rate-limit body for 429, a page for the rest.
    String body = status == 429 ? "{\"error_code\":2026}" : "<html><body>" + status + "</body></html>";
    MockResponse.Builder b = new MockResponse.Builder().code(status).body(body);
    return (retryAfter == null ? b : b.addHeader("Retry-After", retryAfter)).build();
  }

  static MockResponse ok() {
    return Signed.json(200, Signed.token("AT", "RT", 60)).build();
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    server.enqueue(unsigned(429, "1"));
    server.enqueue(ok());
    try (CoboClient client = builder().build()) {
      api(client).getToken("a", "o", "org_implicit");
    }
    assertThat(waits).containsExactly(1_000L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedUntilThatDate() {
    String inFourSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(4).atZone(ZoneOffset.UTC));
    server.enqueue(unsigned(429, inFourSeconds));
    server.enqueue(ok());
    try (CoboClient client = builder().build()) {
      api(client).getToken("a", "o", "org_implicit");
    }
    assertThat(waits).containsExactly(4_000L);
  }

  @Test
  void aRetryAfterLongerThanThePolicyAllowsIsNotWaitedAndTheCallerCanReadIt() {
    server.enqueue(unsigned(429, "30"));
    try (CoboClient client = builder().build()) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> api(client).getToken("a", "o", "org_implicit"));

      assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
      assertThat(e.header("retry-after")).hasValue("30");
      assertThat(e.headers()).containsKey("Retry-After");
    }
    assertThat(waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffFromOneSecondThenTwoWithJitter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(unsigned(429, null));
    }
    try (CoboClient client = builder().build()) {
      catchThrowableOfType(RateLimitException.class, () -> api(client).getToken("a", "o", "org_implicit"));
    }
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(1_000L, 1_250L);
    assertThat(waits.get(1)).isBetween(2_000L, 2_500L);
    assertThat(server.getRequestCount()).isEqualTo(3); // the first attempt and RetryPolicy.DEFAULT's two retries
  }

  @Test
  void cobosRateLimitCodeIsRetriedWhateverItsStatus() {
    server.enqueue(Signed.json(400, "{\"error_code\":2026,\"error_message\":\"Too many requests\"}").build());
    server.enqueue(ok());
    try (CoboClient client = builder().build()) {
      assertThat(api(client).getToken("a", "o", "org_implicit").accessToken()).isEqualTo("AT");
    }
    assertThat(waits).hasSize(1);
  }

  @RepeatedTest(20)
  void jitterAddsAtMostAQuarterAndNeverGoesBelowTheBackoff() {
    RetryDecider retry = new RetryDecider(RetryPolicy.of(5, Duration.ofMillis(400), Duration.ofSeconds(3)), true, clock);
    long[] expected = {400, 800, 1600, 3000, 3000};
    for (int n = 0; n < expected.length; n++) {
      assertThat(retry.backoff(n)).isBetween(expected[n], expected[n] + expected[n] / 4);
    }
    assertThat(retry.backoff(62)).isBetween(3000L, 3750L); // no overflow however many retries
  }

  @Test
  void aCallTimeoutBoundsTheWholeCallWaitsIncluded() {
    server.enqueue(unsigned(503, "5"));
    server.enqueue(unsigned(503, "5"));
    server.enqueue(ok());
    try (CoboClient client = builder().callTimeout(Duration.ofSeconds(6)).build()) {
      catchThrowableOfType(ServerException.class, () -> api(client).getToken("a", "o", "org_implicit"));
    }
    // 5 s waited; a second 5 s wait would end after the 6 s deadline, so it is not started.
    assertThat(waits).containsExactly(5_000L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCallCancelledWhileWaitingIsNotSentAgain() {
    server.enqueue(unsigned(503, "1"));
    server.enqueue(ok());
    RetryWaits.Sleeper cancelling =
        (millis, call) -> {
          waits.add(millis);
          call.cancel();
        };
    try (CoboClient client = builder().sleeper(cancelling).build()) {
      catchThrowableOfType(CoboTransportException.class, () -> api(client).getToken("a", "o", "org_implicit"));
    }
    assertThat(waits).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void internalServerErrorIsNeverRetriedEvenForAGet() {
    server.enqueue(Signed.json(500, "{\"error_code\":1000,\"error_message\":\"Internal\"}").build());
    server.enqueue(ok());
    try (CoboClient client = builder().build()) {
      catchThrowableOfType(ServerException.class, () -> api(client).getToken("a", "o", "org_implicit"));
    }
    assertThat(waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serviceUnavailableIsRetriedForAGetButNeverResentForARefresh() {
    // A proxy may answer 503 after forwarding: a refresh that reached Cobo may have rotated the refresh token.
    server.enqueue(unsigned(503, null));
    server.enqueue(ok());
    server.enqueue(unsigned(503, null));
    try (CoboClient client = builder().build()) {
      api(client).getToken("a", "o", "org_implicit");
      catchThrowableOfType(
          ServerException.class, () -> api(client).refreshToken(TestApi.refreshBody("a", "RT")));
    }
    assertThat(waits).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRateLimitIsWaitedOutEvenForARefresh() {
    // 429 is Cobo refusing the call unprocessed: resending after the wait is right for every request.
    server.enqueue(unsigned(429, "1"));
    server.enqueue(ok());
    try (CoboClient client = builder().build()) {
      assertThat(api(client).refreshToken(TestApi.refreshBody("a", "RT")).accessToken()).isEqualTo("AT");
    }
    assertThat(waits).containsExactly(1_000L);
  }

  @Test
  void badGatewayIsRetriedForAGetButNotForARefresh() {
    server.enqueue(unsigned(502, null));
    server.enqueue(ok());
    server.enqueue(unsigned(502, null));
    try (CoboClient client = builder().build()) {
      api(client).getToken("a", "o", "org_implicit");
      catchThrowableOfType(
          ServerException.class, () -> api(client).refreshToken(TestApi.refreshBody("a", "RT")));
    }
    assertThat(waits).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
