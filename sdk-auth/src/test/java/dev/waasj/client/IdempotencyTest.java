package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.DuplicateRequestIdException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A create whose body carries {@code request_id} is resent after a lost response, the same body signed afresh,
 * because Cobo refuses a duplicate instead of acting twice; without a {@code request_id} it is never resent.
 */
class IdempotencyTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";

  @StartStop final MockWebServer server = new MockWebServer();

  CoboClient client() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(SECRET)
        .sleeper((millis, call) -> {})
        .build();
  }

  static Map<String, Object> transfer(String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (requestId != null) {
      body.put("request_id", requestId);
    }
    body.put("token_id", "ETH_USDT");
    body.put("amount", "1.5");
    return body;
  }

  /** The server reads the request, acts on it, and the connection dies before the answer. */
  static MockResponse lostAnswer() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void aLostAnswerIsResentOnceWithTheSameBodyAndTheDuplicateIsTyped() throws Exception {
    server.enqueue(lostAnswer());
    server.enqueue(
        Signed.json(400, "{\"error_code\":12009,\"error_message\":\"request_id has already been used\",\"error_id\":\"e\"}")
            .build());
    try (CoboClient client = client()) {
      DuplicateRequestIdException e =
          catchThrowableOfType(
              DuplicateRequestIdException.class, () -> client.api(TestApi.class).createTransfer(transfer("tx-42")));

      assertThat(e.requestId()).isEqualTo("tx-42");
      assertThat(e.errorCode()).isEqualTo(12009);
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8()).contains("\"request_id\":\"tx-42\"");
    assertThat(second.getHeaders().get("BIZ-API-NONCE")).isNotEqualTo(first.getHeaders().get("BIZ-API-NONCE"));
  }

  @Test
  void withoutARequestIdALostAnswerIsNeverResent() {
    server.enqueue(lostAnswer());
    server.enqueue(Signed.json(201, "{}").build());
    try (CoboClient client = client()) {
      catchThrowableOfType(CoboTransportException.class, () -> client.api(TestApi.class).createTransfer(transfer(null)));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBlankRequestIdCountsAsNone() {
    server.enqueue(lostAnswer());
    server.enqueue(Signed.json(201, "{}").build());
    try (CoboClient client = client()) {
      catchThrowableOfType(CoboTransportException.class, () -> client.api(TestApi.class).createTransfer(transfer(" ")));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
