package dev.waasj.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cobo's error codes are part of the exception types callers catch; an unknown code keeps working. */
class ErrorCodesTest {
  static CoboApiException of(int status, int code) {
    return CoboApiException.of(
        ApiError.builder().statusCode(status).errorCode(code).errorMessage("m").host("api.dev.cobo.com").build());
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "400, 2003, InvalidParameterException",
    "400, 2006, InvalidParameterException",
    "400, 1003, InvalidParameterException",
    "400, 1006, InvalidParameterException",
    "401, 2024, ApiKeyAuthenticationException",
    "403, 2025, PermissionDeniedException",
    "400, 2025, PermissionDeniedException",
    "403, 4001, PermissionDeniedException",
    "429, 2026, RateLimitException",
    "400, 2026, RateLimitException",
    "429, 2010, RateLimitException",
    "404, 2028, NotFoundException",
    "400, 12009, DuplicateRequestIdException",
    "400, 30001, DuplicateRequestIdException",
    "401, 2023, AuthenticationException",
    "500, 1000, ServerException",
    "418, 7777, CoboApiException",
    "400, 7777, BadRequestException"
  })
  void theErrorCodePicksTheTypeThenTheStatus(int status, int code, String type) {
    CoboApiException e = of(status, code);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"api.dev.cobo.com, dev", "api.cobo.com, prod", "api.sandbox.cobo.com, sandbox"})
  void apiKeyAuthenticationSaysWhichEnvironmentRefusedTheKeyAndEveryDocumentedCause(String host, String env) {
    ApiKeyAuthenticationException e =
        (ApiKeyAuthenticationException)
            CoboApiException.of(
                ApiError.builder().statusCode(401).errorCode(2024).errorMessage("API key not found").host(host).build());

    assertThat(e.environment()).isEqualTo(env);
    assertThat(e)
        .hasMessageContaining("HTTP 401, error_code 2024")
        .hasMessageContaining("Cobo's " + env + " environment (" + host + ") refused the API key")
        .hasMessageContaining("not registered there (dev and prod keys are separate)")
        .hasMessageContaining("not active yet")
        .hasMessageContaining("outside its allow-list")
        .hasMessageNotContaining("signature")
        .isInstanceOf(AuthenticationException.class);
  }

  @ParameterizedTest
  @CsvSource({"12009", "30001"})
  void aDuplicateCarriesTheRequestIdOfTheRefusedRequest(int code) {
    DuplicateRequestIdException e =
        (DuplicateRequestIdException)
            CoboApiException.of(ApiError.builder().statusCode(400).errorCode(code).requestId("req-7").build());

    assertThat(e.requestId()).isEqualTo("req-7");
  }
}
