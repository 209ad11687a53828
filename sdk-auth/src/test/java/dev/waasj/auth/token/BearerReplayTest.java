package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.client.CoboClient;
import dev.waasj.client.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A 401 on an org-scoped call invalidates exactly that token and replays once, signed afresh; a second 401 goes
 * back to the caller. MockWebServer scripts the 401s; response signatures are not the subject here.
 */
class BearerReplayTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";

  @StartStop final MockWebServer server = new MockWebServer();

  /** Issues numbered tokens; answers org calls from a script of statuses. */
  static final class Script extends Dispatcher {
    final List<Integer> orgStatuses;
    int tokens;

    Script(List<Integer> orgStatuses) {
      this.orgStatuses = new ArrayList<>(orgStatuses);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      if (request.getUrl().encodedPath().endsWith("/oauth/token")) {
        tokens++;
        return new MockResponse.Builder()
            .body("{\"access_token\":\"AT-" + tokens + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"RT-" + tokens + "\"}")
            .build();
      }
      return new MockResponse.Builder().code(orgStatuses.remove(0)).body("{}").build();
    }
  }

  CoboClient client() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .apiSecret(SECRET)
        .disableResponseVerification()
        .retryPolicy(RetryPolicy.NONE)
        .clientId("app")
        .orgId("org")
        .build();
  }

  int callWallets(CoboClient client) throws Exception {
    Request request = new Request.Builder().url(client.baseUrl() + "wallets").build();
    try (Response response = client.httpClient().newCall(request).execute()) {
      return response.code();
    }
  }

  List<RecordedRequest> recorded() throws Exception {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      all.add(server.takeRequest());
    }
    return all;
  }

  @Test
  void a401ReplaysOnceWithANewTokenAndAFreshSignature() throws Exception {
    server.setDispatcher(new Script(List.of(401, 200)));
    try (CoboClient client = client()) {
      assertThat(callWallets(client)).isEqualTo(200);
    }

    List<RecordedRequest> seen = recorded();
    assertThat(seen).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly("GET /v2/oauth/token", "GET /v2/wallets", "POST /v2/oauth/token", "GET /v2/wallets");
    assertThat(seen.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
    assertThat(seen.get(3).getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
    assertThat(seen.get(3).getHeaders().get("BIZ-API-NONCE")).isNotEqualTo(seen.get(1).getHeaders().get("BIZ-API-NONCE"));
    assertThat(seen.get(3).getHeaders().get("BIZ-API-SIGNATURE"))
        .isNotEqualTo(seen.get(1).getHeaders().get("BIZ-API-SIGNATURE"));
    assertThat(seen.get(0).getHeaders().get("Authorization")).isNull();
    assertThat(seen.get(2).getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aSecond401IsReturnedNotLooped() throws Exception {
    server.setDispatcher(new Script(List.of(401, 401, 200)));
    try (CoboClient client = client()) {
      assertThat(callWallets(client)).isEqualTo(401);
    }

    assertThat(recorded()).extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/v2/oauth/token", "/v2/wallets", "/v2/oauth/token", "/v2/wallets");
  }
}
