package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.ServerException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Cobo answers an expired org token with HTTP 500 and error_code 1000 rather than 401: on a call that carried the
 * token, that is treated as a refused token (refresh, replay once, signed afresh), and a second such answer goes
 * to the caller.
 */
class ExpiredTokenTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final String EXPIRED = "{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e\"}";

  @StartStop final MockWebServer server = new MockWebServer();

  CoboClient client() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(SECRET)
        .clientId("app")
        .orgId("org")
        .sleeper((millis, call) -> {})
        .build();
  }

  List<String> wire() throws InterruptedException {
    List<String> lines = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      String auth = r.getHeaders().get("Authorization");
      lines.add(r.getMethod() + " " + r.getUrl().encodedPath() + (auth == null ? "" : " " + auth));
    }
    return lines;
  }

  @Test
  void aFiveHundredWithCode1000OnATokenCallRefreshesAndReplaysOnce() throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-1", "RT-1", 3600)).build());
    server.enqueue(Signed.json(500, EXPIRED).build());
    server.enqueue(Signed.json(200, Signed.token("AT-2", "RT-2", 3600)).build());
    server.enqueue(Signed.json(200, "{\"data\":[]}").build());
    try (CoboClient client = client()) {
      Map<String, Object> page = client.api(TestApi.class).listWallets();

      assertThat(page).containsKey("data");
      assertThat(client.tokens().accessToken()).isEqualTo("AT-2");
    }
    assertThat(wire())
        .containsExactly(
            "GET /v2/oauth/token",
            "GET /v2/wallets Bearer AT-1",
            "POST /v2/oauth/token",
            "GET /v2/wallets Bearer AT-2");
  }

  @Test
  void aSecondFiveHundredWithCode1000GoesToTheCaller() throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-1", "RT-1", 3600)).build());
    server.enqueue(Signed.json(500, EXPIRED).build());
    server.enqueue(Signed.json(200, Signed.token("AT-2", "RT-2", 3600)).build());
    server.enqueue(Signed.json(500, EXPIRED).build());
    try (CoboClient client = client()) {
      ServerException e = catchThrowableOfType(ServerException.class, () -> client.api(TestApi.class).listWallets());

      assertThat(e.errorCode()).isEqualTo(1000);
    }
    assertThat(wire()).hasSize(4);
  }

  @Test
  void anotherFiveHundredIsNotMistakenForAnExpiredToken() throws Exception {
    server.enqueue(Signed.json(200, Signed.token("AT-1", "RT-1", 3600)).build());
    server.enqueue(Signed.json(500, "{\"error_code\":2000,\"error_message\":\"Internal\",\"error_id\":\"e\"}").build());
    try (CoboClient client = client()) {
      catchThrowableOfType(ServerException.class, () -> client.api(TestApi.class).listWallets());
    }
    assertThat(wire()).containsExactly("GET /v2/oauth/token", "GET /v2/wallets Bearer AT-1");
  }
}
