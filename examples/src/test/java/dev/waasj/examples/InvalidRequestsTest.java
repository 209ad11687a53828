package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.InvalidParameterException;
import dev.waasj.testkit.RecordedExchange;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;

/**
 * Requests that break the spec, which the generated API cannot even express, sent through a hand-written binding:
 * the emulator checks them against the operation and answers HTTP 400 with Cobo's error body, which the SDK
 * surfaces as its typed exception.
 */
class InvalidRequestsTest {
  /** What a client that ignores the spec might send. */
  interface Careless {
    @GET("wallets")
    Map<String, Object> listWallets(@Query("limit") String limit, @Query("wallet_type") @Nullable String walletType);

    @POST("transactions/transfer")
    Map<String, Object> transfer(@Body Map<String, Object> body);
  }

  @Test
  void aWrongTypeIsInvalidParameter2006() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      InvalidParameterException e =
          catchThrowableOfType(
              InvalidParameterException.class,
              () -> setup.client().api(Careless.class).listWallets("ten", null));

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.errorCode()).isEqualTo(2006);
      assertThat(e.errorMessage()).contains("integer");
      assertThat(e.errorId()).isNotBlank();
    }
  }

  @Test
  void aValueAClosedEnumDoesNotHaveIsInvalidParameter2006() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      InvalidParameterException e =
          catchThrowableOfType(
              InvalidParameterException.class,
              () -> setup.client().api(Careless.class).listWallets("10", "Piggybank"));

      assertThat(e.errorCode()).isEqualTo(2006);
      assertThat(e.errorMessage()).contains("Piggybank");
    }
  }

  @Test
  void aMissingRequiredFieldIsMissingParameter2003() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      InvalidParameterException e =
          catchThrowableOfType(
              InvalidParameterException.class,
              () -> setup.client().api(Careless.class).transfer(Map.of("request_id", "r-1", "token_id", "ETH")));

      assertThat(e.errorCode()).isEqualTo(2003);
      assertThat(e.errorMessage()).contains("source").contains("destination");
      assertThat(setup.emulator().orElseThrow().requests())
          .filteredOn(r -> r.path().endsWith("/transfer"))
          .extracting(RecordedExchange::status)
          .allMatch(s -> s.getAsInt() == 400);
    }
  }
}
