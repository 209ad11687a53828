package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.auth.token.TokenRequestOutcome;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What a CoboListener hears of calls, attempts, retries, signature failures and token requests, and what not. */
class ListenerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final List<Object> heard = new CopyOnWriteArrayList<>();

  final CoboListener recording =
      new CoboListener() {
        @Override
        public CallListener callStarted(CallStart call) {
          heard.add(call);
          return new CallListener() {
            @Override
            public void attemptFinished(AttemptOutcome attempt) {
              heard.add(attempt);
            }

            @Override
            public void callFinished(CallOutcome outcome) {
              heard.add(outcome);
            }
          };
        }

        @Override
        public void tokenRequestFinished(TokenRequestOutcome outcome) {
          heard.add(outcome);
        }
      };

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(RetryTimingTest.SECRET)
        .sleeper((millis, call) -> {})
        .listener(recording);
  }

  @Test
  void aRetriedCallIsHeardAttemptByAttemptWithItsDecisions() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{\"error_code\":2026}").build());
    server.enqueue(Signed.json(200, Signed.token("AT-listened", "RT-listened", 60)).build());
    try (CoboClient client = builder().build()) {
      client.api(TestApi.class).getToken("a", "o", "org_implicit");
    }

    assertThat(heard).hasSize(4);
    CallStart start = (CallStart) heard.get(0);
    assertThat(start.operation()).isEqualTo("TestApi.getToken");
    assertThat(start.method()).isEqualTo("GET");
    AttemptOutcome first = (AttemptOutcome) heard.get(1);
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.errorCode()).hasValue(2026);
    assertThat(first.willRetry()).isTrue();
    assertThat(first.retryWait()).hasValue(Duration.ofSeconds(1));
    AttemptOutcome second = (AttemptOutcome) heard.get(2);
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.willRetry()).isFalse();
    CallOutcome end = (CallOutcome) heard.get(3);
    assertThat(end.kind()).isEqualTo(CallOutcome.Kind.SUCCESS);
    assertThat(end.attempts()).isEqualTo(2);
    assertThat(end.operation()).isEqualTo("TestApi.getToken");
    assertThat(heard.toString()).doesNotContain("listened").doesNotContain(server.url("/").host() + ":");
  }

  @Test
  void aForgedAnswerIsHeardAsASignatureFailure() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"access_token\":\"x\"}").build()); // unsigned
    try (CoboClient client = builder().build()) {
      catchThrowableOfType(
          ResponseSignatureException.class, () -> client.api(TestApi.class).getToken("a", "o", "org_implicit"));
    }
    CallOutcome end = (CallOutcome) heard.get(heard.size() - 1);
    assertThat(end.kind()).isEqualTo(CallOutcome.Kind.SIGNATURE_FAILURE);
    assertThat(end.failure()).hasValue("ResponseSignatureException");
  }

  @Test
  void tokenRequestsAreHeardWithTheirGrantAndNeverTheirTokens() throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-secret-1", "RT-secret-1", 3600)).build());
    server.enqueue(Signed.json(200, "{\"data\":[]}").build());
    try (CoboClient client = builder().clientId("app").orgId("org").build()) {
      client.api(TestApi.class).listWalletsAsync().get(10, TimeUnit.SECONDS);
    }
    assertThat(heard).filteredOn(TokenRequestOutcome.class::isInstance).singleElement()
        .satisfies(
            o -> {
              TokenRequestOutcome token = (TokenRequestOutcome) o;
              assertThat(token.grant()).isEqualTo(TokenRequestOutcome.Grant.ORG_IMPLICIT);
              assertThat(token.succeeded()).isTrue();
              assertThat(token.orgId()).isEqualTo("org");
            });
    assertThat(heard)
        .filteredOn(CallOutcome.class::isInstance)
        .extracting(o -> ((CallOutcome) o).operation())
        .containsExactlyInAnyOrder("TokenService.getToken", "TestApi.listWalletsAsync");
    assertThat(heard.toString()).doesNotContain("secret");
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheCall() {
    server.enqueue(Signed.json(200, Signed.token("AT", "RT", 60)).build());
    CoboListener broken =
        new CoboListener() {
          @Override
          public CallListener callStarted(CallStart call) {
            return new CallListener() {
              @Override
              public void callFinished(CallOutcome outcome) {
                throw new IllegalStateException("a broken metrics backend");
              }
            };
          }
        };
    try (CoboClient client = builder().listener(broken).build()) {
      assertThat(client.api(TestApi.class).getToken("a", "o", "org_implicit").accessToken()).isEqualTo("AT");
    }
  }
}
