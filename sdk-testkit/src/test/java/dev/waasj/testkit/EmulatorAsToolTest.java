package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator as a test tool: faults aimed at one operation, bounded records, no global state, endpoint bugs. */
class EmulatorAsToolTest {
  static final TestKeyPair APP = TestKeyPair.generate();

  CoboEmulator.Builder builder() {
    return CoboEmulator.builder().withoutSpec().registerApp("app", "org", APP.publicKeyHex());
  }

  @Test
  void aFaultAimedAtOneOperationIsNotTakenByAnother() {
    try (CoboEmulator cobo = builder().start()) {
      SignedClient client = new SignedClient(cobo, APP, Clock.systemUTC());
      cobo.enqueueFault("POST", "oauth/token", Fault.serverError(503), 1);

      HttpResponse<String> grant = client.getToken("app", "org"); // GET: not the target
      HttpResponse<String> refresh =
          client.refresh("app", SignedClient.requiredField(grant.body(), "refresh_token"));

      assertThat(grant.statusCode()).isEqualTo(200);
      assertThat(refresh.statusCode()).isEqualTo(503);
      assertThat(cobo.pendingFaults()).isZero();
    }
  }

  @Test
  void recordedRequestsKeepTheNewestUpToTheBound() {
    try (CoboEmulator cobo = builder().maxRecordedRequests(3).start()) {
      SignedClient client = new SignedClient(cobo, APP, Clock.systemUTC());
      for (int i = 0; i < 5; i++) {
        client.get("/v2/oauth/token?client_id=app&org_id=org&grant_type=org_implicit&n=" + i);
      }
      List<RecordedExchange> kept = cobo.requests();
      assertThat(kept).hasSize(3);
      assertThat(kept).extracting(RecordedExchange::query).allMatch(q -> q.endsWith("n=2") || q.endsWith("n=3")
          || q.endsWith("n=4"));
    }
  }

  @Test
  void startingAnEmulatorSetsNoSystemProperty() {
    String nodelay = System.clearProperty("sun.net.httpserver.nodelay"); // as in an application's own tests
    try {
      java.util.Properties before = (java.util.Properties) System.getProperties().clone();
      try (CoboEmulator cobo = builder().start()) {
        assertThat(cobo.port()).isPositive();
      }
      assertThat(System.getProperties()).isEqualTo(before);
    } finally {
      if (nodelay != null) {
        System.setProperty("sun.net.httpserver.nodelay", nodelay);
      }
    }
  }

  @Test
  void anExceptionInsideAnEndpointIsASigned500ThatSaysSo() {
    try (CoboEmulator cobo = builder().start()) {
      cobo.failEndpoints(new IllegalStateException("an emulator bug"));
      HttpResponse<String> response = new SignedClient(cobo, APP, Clock.systemUTC()).getToken("app", "org");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("the emulator failed serving GET /v2/oauth/token")
          .contains("IllegalStateException");
      assertThat(SignedClient.signatureVerifies(response, cobo.serverPublicKeyHex())).isTrue();
      assertThat(cobo.requests()).singleElement().satisfies(r -> assertThat(r.status()).hasValue(500));
    }
  }
}
