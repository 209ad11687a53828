package dev.waasj.generated.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.AuthenticationException;
import dev.waasj.errors.BadRequestException;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.MalformedResponseException;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.errors.RateLimitException;
import dev.waasj.errors.ServerException;
import dev.waasj.generated.TestRetrofit;
import dev.waasj.generated.api.OAuthApi;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error body shape and failure becomes the documented exception type, sync and async alike. */
class ErrorMappingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  OAuthApi api;

  @BeforeEach
  void setUp() {
    api = TestRetrofit.against(server).create(OAuthApi.class);
  }

  private CoboApiException apiError(int status, String contentType, String body) {
    server.enqueue(
        new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build());
    return catchThrowableOfType(CoboApiException.class, () -> api.getToken("app", "org", "org_implicit"));
  }

  @Test
  void oauthStyleErrorCarriesErrorAndDescription() {
    CoboApiException e =
        apiError(400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"used\"}");

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.oauthError()).isEqualTo("invalid_grant");
    assertThat(e.oauthErrorDescription()).isEqualTo("used");
    assertThat(e.errorCode()).isNull();
    assertThat(e).hasMessage("HTTP 400, invalid_grant: used");
  }

  @Test
  void coboErrorCarriesCodeMessageAndErrorId() {
    CoboApiException e =
        apiError(
            401,
            "application/json",
            "{\"error_code\":2023,\"error_message\":\"Signature verification failed\",\"error_id\":\"e-42\"}");

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.errorCode()).isEqualTo(2023);
    assertThat(e.errorMessage()).isEqualTo("Signature verification failed");
    assertThat(e.errorId()).isEqualTo("e-42");
    assertThat(e).hasMessage("HTTP 401, error_code 2023: Signature verification failed (error_id e-42)");
  }

  @Test
  void htmlErrorPageKeepsRawBodyButDoesNotPrintIt() {
    String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    CoboApiException e = apiError(502, "text/html", html);

    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.rawBody()).isEqualTo(html);
    assertThat(e.errorCode()).isNull();
    assertThat(e.oauthError()).isNull();
    assertThat(e.getMessage()).isEqualTo("HTTP 502, non-JSON body (" + html.length() + " chars)");
  }

  @Test
  void expiredOrgTokenReportedAs500IsAServerExceptionWithCode1000() {
    CoboApiException e =
        apiError(500, "application/json", "{\"error_code\":1000,\"error_message\":\"Internal error\"}");

    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.errorCode()).isEqualTo(1000);
  }

  @Test
  void rateLimitHasItsOwnType() {
    assertThat(apiError(429, "text/plain", "slow down")).isInstanceOf(RateLimitException.class);
  }

  @Test
  void unlistedStatusIsAPlainApiException() {
    CoboApiException e = apiError(409, "application/json", "{}");
    assertThat(e.getClass()).isEqualTo(CoboApiException.class);
    assertThat(e.statusCode()).isEqualTo(409);
  }

  @Test
  void asyncFailureCompletesExceptionallyWithTheSameType() {
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"invalid_client\"}").build());

    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () -> api.getTokenAsync("app", "org", "org_implicit").get(10, TimeUnit.SECONDS));

    assertThat(e.getCause()).isInstanceOf(BadRequestException.class);
    assertThat(((CoboApiException) e.getCause()).oauthError()).isEqualTo("invalid_client");
  }

  @Test
  void successStatusWithInvalidJsonIsMalformedResponse() {
    server.enqueue(new MockResponse.Builder().body("{\"access_token\": AT-secret").build());

    assertThatThrownBy(() -> api.getToken("app", "org", "org_implicit"))
        .isInstanceOf(MalformedResponseException.class)
        .message()
        .doesNotContain("AT-secret");
  }

  @Test
  void successStatusMissingRequiredFieldParsesAndTheGetterNamesTheFieldNotTheValues() {
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"access_token\":\"AT-secret\",\"token_type\":\"Bearer\",\"expires_in\":1}")
            .build());

    var token = api.getToken("app", "org", "org_implicit");

    assertThat(token.accessToken()).isEqualTo("AT-secret");
    assertThatThrownBy(token::refreshToken)
        .isInstanceOf(MissingFieldException.class)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("refresh_token")
        .message()
        .doesNotContain("AT-secret");
  }

  @Test
  void successStatusWithEmptyBodyIsMalformedResponse() {
    server.enqueue(new MockResponse.Builder().body("").build());

    assertThatThrownBy(() -> api.getToken("app", "org", "org_implicit"))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void wrongJsonTypeIsMalformedResponse() {
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\",\"refresh_token\":\"r\"}")
            .build());

    assertThatThrownBy(() -> api.getToken("app", "org", "org_implicit"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("expires_in");
  }

  @Test
  void noServerIsATransportException() throws Exception {
    server.close();

    assertThatThrownBy(() -> api.getToken("app", "org", "org_implicit"))
        .isInstanceOf(CoboTransportException.class)
        .hasCauseInstanceOf(java.io.IOException.class);
  }
}
