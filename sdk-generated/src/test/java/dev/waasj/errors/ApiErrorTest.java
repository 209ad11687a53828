package dev.waasj.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The error value: built by name, so fields cannot swap places; carries headers; survives serialization. */
class ApiErrorTest {
  @Test
  void fieldsAreSetByNameAndTheStatusIsRequired() {
    ApiError error =
        ApiError.builder()
            .statusCode(400)
            .errorCode(2006)
            .errorMessage("wallet_id is invalid")
            .errorId("e-1")
            .header("Retry-After", "7")
            .header("X-Trace", "t")
            .rawBody("{}")
            .build();

    assertThat(error.errorMessage()).isEqualTo("wallet_id is invalid");
    assertThat(error.errorId()).isEqualTo("e-1");
    assertThat(error.header("retry-after")).hasValue("7");
    assertThat(CoboApiException.of(error).retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThatThrownBy(() -> ApiError.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("statusCode");
    assertThatThrownBy(() -> ApiError.builder().statusCode(42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHugeBodyIsCut() {
    ApiError error = ApiError.builder().statusCode(502).rawBody("x".repeat(1_000_000)).build();

    assertThat(error.rawBody()).hasSize(ApiError.MAX_RAW_BODY_CHARS);
  }

  @Test
  void exceptionsSurviveSerializationWithTheirHeaders() throws Exception {
    CoboApiException e =
        CoboApiException.of(ApiError.builder().statusCode(429).header("Retry-After", "3").rawBody("{}").build());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CoboApiException back = (CoboApiException) in.readObject();
      assertThat(back).isInstanceOf(RateLimitException.class);
      assertThat(back.header("RETRY-AFTER")).hasValue("3");
    }
  }
}
