package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.stress.api.DefaultApi;
import dev.waasj.stress.model.Payment;
import dev.waasj.stress.model.PaymentPage;
import dev.waasj.stress.model.PaymentStatus;
import dev.waasj.stress.model.Priority;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The templates on our stress spec (src/test/openapi/stress.yaml): each construct the generator must handle. */
class StressSpecTest {
  static final String PAYMENT_JSON =
      "{\"id\":\"6f1c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b\",\"amount\":\"123456789012345678.000000000000000001\","
          + "\"fee\":0.10000000000000000555,\"status\":\"Confirmed\",\"priority\":2,\"direction\":\"Inbound\","
          + "\"created_at\":\"2026-11-25T18:30:00.123+08:00\",\"value_date\":\"2026-11-26\","
          + "\"block_height\":9223372036854775807,\"confirmations\":12,\"memo\":null,"
          + "\"tags\":[\"a\",\"b\"],\"batches\":[[1,2],[3]],\"metadata\":{\"k\":\"v\"},"
          + "\"callback_url\":\"https://example.com/hook?x=1\"}";

  @StartStop final MockWebServer server = new MockWebServer();
  final JsonAdapter<Payment> payments = JsonSupport.moshi().adapter(Payment.class);

  @Test
  void everyTypeDecodesExactly() throws Exception {
    Payment p = payments.fromJson(PAYMENT_JSON);

    assertThat(p.id()).isEqualTo(UUID.fromString("6f1c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b"));
    assertThat(p.amount()).isEqualTo(new BigDecimal("123456789012345678.000000000000000001"));
    assertThat(p.fee()).isEqualTo(new BigDecimal("0.10000000000000000555"));
    assertThat(p.status()).isSameAs(PaymentStatus.CONFIRMED);
    assertThat(p.priority()).isEqualTo(Priority.NUMBER_2);
    assertThat(p.direction()).isSameAs(Payment.DirectionEnum.INBOUND);
    assertThat(p.createdAt()).isEqualTo(OffsetDateTime.parse("2026-11-25T18:30:00.123+08:00"));
    assertThat(p.valueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(p.blockHeight()).isEqualTo(Long.MAX_VALUE);
    assertThat(p.confirmations()).isEqualTo(12);
    assertThat(p.memo()).isNull();
    assertThat(p.tags()).containsExactly("a", "b");
    assertThat(p.batches()).containsExactly(List.of(1L, 2L), List.of(3L));
    assertThat(p.metadata()).isEqualTo(Map.of("k", "v"));
    assertThat(p.callbackUrl()).isEqualTo(URI.create("https://example.com/hook?x=1"));
  }

  @Test
  void roundTripKeepsDecimalsDatesAndLongs() throws Exception {
    Payment p = payments.fromJson(PAYMENT_JSON);
    String json = payments.toJson(p);

    assertThat(json)
        .contains("\"amount\":\"123456789012345678.000000000000000001\"")
        .contains("\"fee\":0.10000000000000000555")
        .contains("\"created_at\":\"2026-11-25T18:30:00.123+08:00\"")
        .contains("\"block_height\":9223372036854775807")
        .contains("\"priority\":2");
    assertThat(payments.fromJson(json)).isEqualTo(p);
  }

  @Test
  void decimalNeverBecomesScientificNotation() {
    Payment p =
        Payment.builder()
            .amount(new BigDecimal("1E+3"))
            .status(PaymentStatus.PENDING)
            .createdAt(OffsetDateTime.parse("2026-01-01T00:00Z"))
            .build();

    assertThat(payments.toJson(p)).contains("\"amount\":\"1000\"");
  }

  @Test
  void unknownEnumValuesAreKeptNotThrown() throws Exception {
    Payment p =
        payments.fromJson(
            "{\"amount\":\"1\",\"status\":\"Refunded\",\"priority\":7,\"direction\":\"Sideways\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\"}");

    assertThat(p.status().isKnown()).isFalse();
    assertThat(p.status().known()).isEqualTo(PaymentStatus.Known._UNKNOWN);
    assertThat(p.direction().known()).isEqualTo(Payment.DirectionEnum.Known._UNKNOWN);
    String handled =
        switch (p.status().known()) { // safe: known() is never null
          case PENDING, CONFIRMED -> "settled or not";
          case FAILED -> "failed";
          case _UNKNOWN -> "new: " + p.status().value();
        };
    assertThat(handled).isEqualTo("new: Refunded");
    assertThat(p.status().value()).isEqualTo("Refunded");
    assertThat(p.priority().value()).isEqualTo(7);
    assertThat(p.direction().value()).isEqualTo("Sideways");
    assertThat(payments.toJson(p)).contains("\"status\":\"Refunded\"").contains("\"direction\":\"Sideways\"");
  }

  @Test
  void knownEnumValuesAreSwitchable() {
    PaymentStatus status = PaymentStatus.of("Failed");
    assertThat(status).isSameAs(PaymentStatus.FAILED);
    assertThat(status.known()).isEqualTo(PaymentStatus.Known.FAILED);
    assertThat(PaymentStatus.of("Other")).isEqualTo(PaymentStatus.of("Other")).isNotEqualTo(status);
  }

  @Test
  void writeOnlyPasswordFieldIsRedacted() {
    Payment p =
        Payment.builder()
            .amount(BigDecimal.ONE)
            .status(PaymentStatus.PENDING)
            .createdAt(OffsetDateTime.parse("2026-01-01T00:00Z"))
            .secretNote("hunter2")
            .build();

    assertThat(p.toString()).contains("secret_note=[REDACTED]").doesNotContain("hunter2");
  }

  @Test
  void fieldsTheRuleOfSecretNamesNamesAreRedactedAsInLogs() {
    Payment p =
        Payment.builder()
            .amount(BigDecimal.ONE)
            .status(PaymentStatus.PENDING)
            .createdAt(OffsetDateTime.parse("2026-01-01T00:00Z"))
            .signature("0xsig-value")
            .approvalSignature("0xapproval-value")
            .signatureType("ECDSA")
            .build();

    assertThat(p.toString())
        .contains("signature=[REDACTED]", "approval_signature=[REDACTED]", "signature_type=ECDSA")
        .doesNotContain("sig-value", "approval-value");
    assertThat(Payment.builder().amount(BigDecimal.ONE).status(PaymentStatus.PENDING)
            .createdAt(OffsetDateTime.parse("2026-01-01T00:00Z")).build().toString())
        .contains("signature=null");
  }

  @Test
  void badDateIsADataErrorNamingThePath() {
    assertThatThrownBy(
            () -> payments.fromJson("{\"amount\":\"1\",\"status\":\"Pending\",\"created_at\":\"yesterday\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.created_at")
        .hasMessageNotContaining("yesterday");
  }

  @Test
  void pathHeaderAndOptionalQueryParametersGoOnTheWire() throws Exception {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    server.enqueue(new MockResponse.Builder().body(PAYMENT_JSON).build());

    api.getPayment("p/1 2", true, "trace-7");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v2/payments/p%2F1%202?include_fees=true");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("trace-7");
  }

  @Test
  void optionalParametersMayBeNull() throws Exception {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    server.enqueue(new MockResponse.Builder().body("{\"data\":[],\"next\":null}").build());

    PaymentPage page = api.listPayments(null, null);

    assertThat(page.data()).isEmpty();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/payments");
  }

  @Test
  void oneItemWithoutARequiredFieldDoesNotFailTheWholePage() throws Exception {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"data\":[{\"amount\":\"1.5\",\"status\":\"Pending\",\"created_at\":\"2026-01-01T00:00:00Z\"},"
                + "{\"status\":\"Failed\",\"created_at\":\"2026-01-02T00:00:00Z\"}]}")
            .build());

    PaymentPage page = api.listPayments(null, null);

    assertThat(page.data()).hasSize(2);
    assertThat(page.data().get(0).amount()).isEqualByComparingTo("1.5");
    assertThat(page.data().get(1).status()).isEqualTo(PaymentStatus.FAILED);
    assertThatThrownBy(() -> page.data().get(1).amount())
        .isInstanceOf(MissingFieldException.class)
        .hasMessage("Payment.amount is required by the API spec but was absent from the response");
    assertThatThrownBy(page::validate).isInstanceOf(MissingFieldException.class).hasMessageContaining("amount");
    assertThat(page.data().get(0).validate()).isSameAs(page.data().get(0));
  }

  @Test
  void enumQueryParameterIsSentAsItsRawValue() throws Exception {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());

    api.listPayments(PaymentStatus.CONFIRMED, 5);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/payments?status=Confirmed&limit=5");
  }

  @Test
  void operationWithoutBodyReturnsOn204() throws Exception {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(api.cancelPayment("p1")).isNull();
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
  }
}
