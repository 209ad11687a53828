package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.stress.model.Amount;
import dev.waasj.stress.model.CryptoAmount;
import dev.waasj.stress.model.Event;
import dev.waasj.stress.model.EventBase;
import dev.waasj.stress.model.FiatAmount;
import dev.waasj.stress.model.InfoNotice;
import dev.waasj.stress.model.NoticeEvent;
import dev.waasj.stress.model.Payment;
import dev.waasj.stress.model.PaymentEvent;
import dev.waasj.stress.model.PaymentStatus;
import dev.waasj.stress.model.RefundEvent;
import dev.waasj.stress.model.WarningNotice;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** oneOf and allOf from the stress spec: sealed interfaces, discriminator dispatch, unknown variants, composition. */
class StressPolymorphismTest {
  static final String PAYMENT =
      "{\"amount\":\"1.5\",\"status\":\"Pending\",\"created_at\":\"2026-01-01T00:00:00Z\"}";

  final JsonAdapter<Event> events = JsonSupport.moshi().adapter(Event.class);
  final JsonAdapter<Amount> amounts = JsonSupport.moshi().adapter(Amount.class);

  @Test
  void discriminatorPicksTheMappedSubtype() throws Exception {
    Event event = events.fromJson("{\"kind\":\"refund\",\"event_id\":\"e1\",\"amount\":\"0.10\",\"reason\":null}");

    assertThat(event).isInstanceOf(RefundEvent.class);
    RefundEvent refund = (RefundEvent) event;
    assertThat(refund.eventId()).isEqualTo("e1");
    assertThat(refund.amount()).isEqualTo(new BigDecimal("0.10"));
    assertThat(refund.reason()).isNull();
  }

  @Test
  void twoDiscriminatorValuesMayShareOneSubtypeAndEachIsKept() throws Exception {
    Event created = events.fromJson("{\"kind\":\"payment.created\",\"event_id\":\"e1\",\"payment\":" + PAYMENT + "}");
    Event updated = events.fromJson("{\"kind\":\"payment.updated\",\"event_id\":\"e2\",\"payment\":" + PAYMENT + "}");

    assertThat(created).isInstanceOf(PaymentEvent.class);
    assertThat(updated).isInstanceOf(PaymentEvent.class);
    assertThat(events.toJson(updated)).startsWith("{\"kind\":\"payment.updated\"");
  }

  @Test
  void nestedOneOfDispatchesTwice() throws Exception {
    Event event = events.fromJson("{\"kind\":\"notice\",\"level\":\"warning\",\"text\":\"slow\",\"code\":7}");

    assertThat(event).isInstanceOf(NoticeEvent.class).isInstanceOf(WarningNotice.class);
    assertThat(((WarningNotice) event).code()).isEqualTo(7);
    assertThat(events.toJson(event))
        .isEqualTo("{\"kind\":\"notice\",\"level\":\"warning\",\"text\":\"slow\",\"code\":7}");
  }

  @Test
  void unknownDiscriminatorValueIsKeptNotThrown() throws Exception {
    String json = "{\"kind\":\"chargeback\",\"event_id\":\"e9\",\"amount\":12345678901234567890.10,\"tags\":[1,null]}";

    Event event = events.fromJson(json);

    assertThat(event).isInstanceOf(Event.Unknown.class);
    Event.Unknown unknown = (Event.Unknown) event;
    assertThat(unknown.discriminator()).isEqualTo("chargeback");
    assertThat(((Map<?, ?>) unknown.json()).get("amount")).isEqualTo(new BigDecimal("12345678901234567890.10"));
    assertThat(events.toJson(event)).isEqualTo(json);
    assertThat(unknown.toString()).isEqualTo("Event.Unknown{kind=chargeback}").doesNotContain("e9");
  }

  @Test
  void unknownValueOfTheNestedOneOfIsTheNestedUnknown() throws Exception {
    Event event = events.fromJson("{\"kind\":\"notice\",\"level\":\"critical\",\"text\":\"down\"}");

    assertThat(event).isInstanceOf(NoticeEvent.Unknown.class);
    assertThat(((NoticeEvent.Unknown) event).discriminator()).isEqualTo("critical");
    assertThat(events.toJson(event)).isEqualTo("{\"kind\":\"notice\",\"level\":\"critical\",\"text\":\"down\"}");
  }

  @Test
  void missingDiscriminatorOrNonObjectJsonIsUnknownToo() throws Exception {
    assertThat(events.fromJson("{\"event_id\":\"e1\"}")).isInstanceOf(Event.Unknown.class);
    assertThat(((Event.Unknown) events.fromJson("{\"event_id\":\"e1\"}")).discriminator()).isNull();
    assertThat(events.fromJson("[1,2]")).isEqualTo(new Event.Unknown(List.of(1L, 2L)));
    assertThat(events.fromJson("null")).isNull();
  }

  @Test
  void aKnownDiscriminatorWithAMissingRequiredFieldIsThatShapeAndSaysSoWhenRead() throws Exception {
    // Only an unknown value falls back: a refund without its required event_id is a refund, read leniently.
    Event event = events.fromJson("{\"kind\":\"refund\"}");

    assertThat(event).isInstanceOf(RefundEvent.class);
    assertThatThrownBy(() -> ((RefundEvent) event).eventId())
        .isInstanceOf(MissingFieldException.class)
        .hasMessage("RefundEvent.event_id is required by the API spec but was absent from the response");
    assertThatThrownBy(((RefundEvent) event)::validate).isInstanceOf(MissingFieldException.class);
  }

  @Test
  void aKnownDiscriminatorWithAWronglyTypedFieldIsStillAnError() {
    assertThatThrownBy(() -> events.fromJson("{\"kind\":\"refund\",\"event_id\":[1]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("event_id");
  }

  @Test
  void unknownCanBeBuiltToSendAShapeThisVersionDoesNotKnow() {
    Event event = new Event.Unknown(Map.of("kind", "future", "n", 1L));

    assertThat(events.toJson(event)).isIn("{\"kind\":\"future\",\"n\":1}", "{\"n\":1,\"kind\":\"future\"}");
  }

  @Test
  void writingASubtypeWithoutItsDiscriminatorAddsTheOnlyPossibleValue() {
    InfoNotice notice = InfoNotice.builder().level("info").text("hello").build(); // kind left unset

    assertThat(events.toJson(notice)).isEqualTo("{\"kind\":\"notice\",\"level\":\"info\",\"text\":\"hello\"}");
    assertThat(JsonSupport.moshi().adapter(InfoNotice.class).toJson(notice))
        .as("the subtype alone writes only what it holds")
        .isEqualTo("{\"level\":\"info\",\"text\":\"hello\"}");
  }

  @Test
  void aSubtypeWithSeveralValuesIsWrittenAsItHoldsIt() throws Exception {
    PaymentEvent event =
        PaymentEvent.builder()
            .kind("payment.created")
            .eventId("e1")
            .payment(
                Payment.builder()
                    .amount(BigDecimal.ONE)
                    .status(PaymentStatus.PENDING)
                    .createdAt(OffsetDateTime.parse("2026-01-01T00:00Z"))
                    .build())
            .build();

    String json = events.toJson(event);

    assertThat(json).startsWith("{\"kind\":\"payment.created\",\"event_id\":\"e1\",\"payment\":{");
    assertThat(events.fromJson(json)).isEqualTo(event);
  }

  @Test
  void allOfFlattensTheBaseIntoEachShape() {
    RefundEvent refund = RefundEvent.builder().kind("refund").eventId("e1").build();

    assertThat(refund.kind()).isEqualTo("refund");
    assertThat(refund).isNotInstanceOf(EventBase.class); // composition copies members; it is not inheritance
    assertThatThrownBy(() -> RefundEvent.builder().kind("refund").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RefundEvent.event_id is required but was not set");
  }

  @Test
  void sealedInterfacesPermitExactlyTheSpecShapesAndUnknown() {
    assertThat(Event.class.isSealed()).isTrue();
    assertThat(Event.class.getPermittedSubclasses())
        .containsExactly(PaymentEvent.class, RefundEvent.class, NoticeEvent.class, Event.Unknown.class);
    assertThat(NoticeEvent.class.getInterfaces()).containsExactly(Event.class);
    assertThat(NoticeEvent.class.getPermittedSubclasses())
        .containsExactly(InfoNotice.class, WarningNotice.class, NoticeEvent.Unknown.class);
  }

  @Test
  void withoutDiscriminatorTheFirstShapeThatReadsWins() throws Exception {
    Amount crypto = amounts.fromJson("{\"token_id\":\"ETH\",\"value\":\"0.000000000000000001\"}");
    Amount fiat = amounts.fromJson("{\"currency\":\"USD\",\"value\":\"10.00\"}");
    Amount neither = amounts.fromJson("{\"iban\":\"DE00\"}");

    assertThat(crypto).isInstanceOf(CryptoAmount.class);
    assertThat(((CryptoAmount) crypto).value()).isEqualTo(new BigDecimal("0.000000000000000001"));
    assertThat(fiat).isInstanceOf(FiatAmount.class);
    assertThat(neither).isEqualTo(new Amount.Unknown(Map.of("iban", "DE00")));
    assertThat(amounts.toJson(crypto)).isEqualTo("{\"token_id\":\"ETH\",\"value\":\"0.000000000000000001\"}");
    assertThat(amounts.toJson(neither)).isEqualTo("{\"iban\":\"DE00\"}");
  }
}
