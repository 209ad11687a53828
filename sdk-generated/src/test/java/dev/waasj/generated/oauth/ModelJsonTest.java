package dev.waasj.generated.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.generated.model.ErrorResponse;
import dev.waasj.generated.model.GetToken200Response;
import dev.waasj.generated.model.OAuthErrorResponse;
import dev.waasj.generated.model.RefreshTokenRequest;
import dev.waasj.internal.json.JsonSupport;
import org.junit.jupiter.api.Test;

/** Generated OAuth models: JSON names, forward compatibility, exact numbers, builders, redaction. */
class ModelJsonTest {
  final JsonAdapter<GetToken200Response> tokens = JsonSupport.moshi().adapter(GetToken200Response.class);

  GetToken200Response token() {
    return GetToken200Response.builder()
        .accessToken("AT-secret")
        .tokenType("Bearer")
        .scope("")
        .expiresIn(43199L)
        .refreshToken("RT-secret")
        .build();
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    GetToken200Response parsed =
        tokens.fromJson(
            "{\"access_token\":\"AT-secret\",\"new_field\":{\"nested\":[1,2]},\"token_type\":\"Bearer\","
                + "\"scope\":\"\",\"expires_in\":43199,\"refresh_token\":\"RT-secret\",\"later\":null}");

    assertThat(parsed).isEqualTo(token());
  }

  @Test
  void int64KeepsEveryDigit() throws Exception {
    long beyondDouble = 9_007_199_254_740_993L; // 2^53 + 1: a double would round it
    GetToken200Response parsed =
        tokens.fromJson(
            "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":9007199254740993,"
                + "\"refresh_token\":\"r\"}");

    assertThat(parsed.expiresIn()).isEqualTo(beyondDouble);
    assertThat(tokens.toJson(parsed)).contains("\"expires_in\":9007199254740993");
  }

  @Test
  void writesJsonNamesFromTheSpecAndOmitsAbsentFields() {
    String json = tokens.toJson(token().toBuilder().scope(null).build());

    assertThat(json)
        .isEqualTo(
            "{\"access_token\":\"AT-secret\",\"token_type\":\"Bearer\",\"expires_in\":43199,"
                + "\"refresh_token\":\"RT-secret\"}");
  }

  @Test
  void toStringRedactsTokensButShowsTheRest() {
    assertThat(token().toString())
        .isEqualTo(
            "GetToken200Response{access_token=[REDACTED], token_type=Bearer, scope=, expires_in=43199,"
                + " refresh_token=[REDACTED]}")
        .doesNotContain("AT-secret")
        .doesNotContain("RT-secret");
    assertThat(
            RefreshTokenRequest.builder()
                .clientId("app")
                .grantType("refresh_token")
                .refreshToken("RT-secret")
                .build()
                .toString())
        .doesNotContain("RT-secret")
        .contains("client_id=app");
  }

  @Test
  void builderRejectsMissingRequiredFieldNamingIt() {
    assertThatThrownBy(() -> RefreshTokenRequest.builder().clientId("app").grantType("refresh_token").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RefreshTokenRequest.refresh_token is required but was not set");
  }

  @Test
  void builderRejectsNullForRequiredField() {
    assertThatThrownBy(() -> RefreshTokenRequest.builder().refreshToken(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RefreshTokenRequest.refresh_token is required and must not be null");
  }

  @Test
  void optionalFieldMayStayUnset() {
    GetToken200Response noScope = token().toBuilder().scope(null).build();
    assertThat(noScope.scope()).isNull();
  }

  @Test
  void valueSemantics() {
    assertThat(token()).isEqualTo(token()).hasSameHashCodeAs(token());
    assertThat(token()).isNotEqualTo(token().toBuilder().expiresIn(1L).build());
  }

  @Test
  void missingRequiredFieldInJsonIsReadLenientlyAndReportedWhereItIsRead() throws Exception {
    GetToken200Response partial = tokens.fromJson("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}");

    assertThat(partial.accessToken()).isEqualTo("a");
    assertThatThrownBy(partial::expiresIn)
        .isInstanceOf(MissingFieldException.class)
        .hasMessage("GetToken200Response.expires_in is required by the API spec but was absent from the response");
    assertThatThrownBy(partial::validate)
        .isInstanceOf(MissingFieldException.class)
        .extracting(e -> ((MissingFieldException) e).field())
        .isEqualTo("expires_in");
    GetToken200Response complete = token();
    assertThat(complete.validate()).isSameAs(complete);
  }

  @Test
  void bothErrorBodiesParse() throws Exception {
    ErrorResponse cobo =
        JsonSupport.moshi()
            .adapter(ErrorResponse.class)
            .fromJson("{\"error_code\":2024,\"error_message\":\"API key authentication failed\",\"error_id\":\"x\"}");
    OAuthErrorResponse oauth =
        JsonSupport.moshi()
            .adapter(OAuthErrorResponse.class)
            .fromJson("{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}");

    assertThat(cobo.errorCode()).isEqualTo(2024);
    assertThat(cobo.errorId()).isEqualTo("x");
    assertThat(oauth.error()).isEqualTo("invalid_grant");
    assertThat(oauth.errorDescription()).isEqualTo("expired");
  }
}
