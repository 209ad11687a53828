package dev.waasj.generated.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.generated.TestRetrofit;
import dev.waasj.generated.api.OAuthApi;
import dev.waasj.generated.model.GetToken200Response;
import dev.waasj.generated.model.RefreshToken200Response;
import dev.waasj.generated.model.RefreshTokenRequest;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact bytes the generated OAuth operations put on the wire, over real loopback HTTP. */
class OAuthApiWireTest {
  static final String CLIENT_ID = "pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij";
  static final String ORG_ID = "e3986401-4aec-480a-973d-e775a4518413";
  static final String TOKEN_JSON =
      "{\"access_token\":\"AT-secret-1\",\"token_type\":\"Bearer\",\"scope\":\"\","
          + "\"expires_in\":43199,\"refresh_token\":\"RT-secret-1\"}";

  @StartStop final MockWebServer server = new MockWebServer();
  OAuthApi api;

  @BeforeEach
  void setUp() {
    api = TestRetrofit.against(server).create(OAuthApi.class);
  }

  @Test
  void getTokenSendsGetWithQueryInSpecOrderUnderV2() throws Exception {
    server.enqueue(new MockResponse.Builder().body(TOKEN_JSON).build());

    api.getToken(CLIENT_ID, ORG_ID, "org_implicit");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID + "&grant_type=org_implicit");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void refreshTokenPostsExactJsonBody() throws Exception {
    server.enqueue(new MockResponse.Builder().body(TOKEN_JSON).build());

    api.refreshToken(
        RefreshTokenRequest.builder()
            .clientId(CLIENT_ID)
            .grantType("refresh_token")
            .refreshToken("rK49jI0zt49gsttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5")
            .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v2/oauth/token");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    // Byte-for-byte what the signing-vectors file records for the official SDK's refresh body.
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"client_id\":\"pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij\",\"grant_type\":\"refresh_token\","
                + "\"refresh_token\":\"rK49jI0zt49gsttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5\"}");
  }

  @Test
  void getTokenDecodesEveryField() {
    server.enqueue(new MockResponse.Builder().body(TOKEN_JSON).build());

    GetToken200Response token = api.getToken(CLIENT_ID, ORG_ID, "org_implicit");

    assertThat(token.accessToken()).isEqualTo("AT-secret-1");
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.scope()).isEmpty();
    assertThat(token.expiresIn()).isEqualTo(43199L);
    assertThat(token.refreshToken()).isEqualTo("RT-secret-1");
  }

  @Test
  void asyncTwinCompletesWithTheSameResult() throws Exception {
    server.enqueue(new MockResponse.Builder().body(TOKEN_JSON).build());

    RefreshToken200Response token =
        api.refreshTokenAsync(
                RefreshTokenRequest.builder()
                    .clientId(CLIENT_ID)
                    .grantType("refresh_token")
                    .refreshToken("RT-secret-0")
                    .build())
            .get(10, TimeUnit.SECONDS);

    assertThat(token.refreshToken()).isEqualTo("RT-secret-1");
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
  }

  @Test
  void nullRequiredQueryParameterFailsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> api.getToken(CLIENT_ID, null, "org_implicit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("getToken: query parameter 'org_id' is required and must not be null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void blankRequiredQueryParameterFailsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> api.getTokenAsync(" ", ORG_ID, "org_implicit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("getTokenAsync: query parameter 'client_id' is required and must not be blank");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullBodyFailsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> api.refreshToken(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshToken")
        .hasMessageContaining("must not be null");
    assertThat(server.getRequestCount()).isZero();
  }
}
