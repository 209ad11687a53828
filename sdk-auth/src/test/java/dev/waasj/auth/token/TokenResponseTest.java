package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.waasj.internal.json.JsonSupport;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint's answer, read by hand-written rules that no spec can rename. */
class TokenResponseTest {
  final JsonAdapter<TokenResponse> adapter = JsonSupport.moshi().adapter(TokenResponse.class);

  static String body(String expiresIn) {
    return "{\"access_token\":\"AT-secret\",\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":" + expiresIn
        + ",\"refresh_token\":\"RT-secret\",\"added_later\":{\"x\":[1]}}";
  }

  @Test
  void readsCobosAnswerAndIgnoresMembersItDoesNotKnow() throws IOException {
    TokenResponse r = adapter.fromJson(body("43199"));

    assertThat(r.accessToken()).isEqualTo("AT-secret");
    assertThat(r.refreshToken()).isEqualTo("RT-secret");
    assertThat(r.tokenType()).isEqualTo("Bearer");
    assertThat(r.scope()).isEmpty();
    assertThat(r.expiresIn()).isEqualTo(Duration.ofSeconds(43_199));
  }

  @ParameterizedTest
  @CsvSource({
    "9223372036854775807, PT720H",
    "1e16, PT720H",
    "1e999999999, PT720H",
    "2592001, PT720H",
    "-5, PT0S",
    "-1e300, PT0S",
    "43199.9, PT11H59M59S",
    "0, PT0S"
  })
  void expiresInIsClampedToZeroAndThirtyDaysBeforeAnyArithmetic(String raw, Duration expected) throws IOException {
    assertThat(adapter.fromJson(body(raw)).expiresIn()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"refresh_token\":\"r\",\"expires_in\":1}",
        "{\"access_token\":\"\",\"refresh_token\":\"r\",\"expires_in\":1}",
        "{\"access_token\":\"a\",\"expires_in\":1}",
        "{\"access_token\":\"a\",\"refresh_token\":\"r\"}",
        "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":\"soon\"}",
        "{\"access_token\":7,\"refresh_token\":\"r\",\"expires_in\":1}",
        "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":null}",
        "{\"access_token\":\"a b\",\"refresh_token\":\"r\",\"expires_in\":1}",
        "{\"access_token\":\"a\",\"refresh_token\":\"r\\uD83D\\uDE00\",\"expires_in\":1}",
        "{\"access_token\":\"a\\n\",\"refresh_token\":\"r\",\"expires_in\":1}"
      })
  void aMissingOrMistypedValueIsMalformedJsonNamingTheFieldNotTheValue(String json) {
    assertThatThrownBy(() -> adapter.fromJson(json))
        .isInstanceOf(JsonDataException.class)
        .message()
        .doesNotContain("\"a\"", "\"r\"");
  }

  @Test
  void toStringShowsNeitherToken() throws IOException {
    assertThat(adapter.fromJson(body("60")).toString())
        .doesNotContain("AT-secret", "RT-secret")
        .contains("expiresIn=PT1M");
  }
}
