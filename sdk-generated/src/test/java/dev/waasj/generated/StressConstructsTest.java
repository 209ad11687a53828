package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.stress.model.Labels;
import dev.waasj.stress.model.Ledger;
import dev.waasj.stress.model.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stress spec's Ledger and Labels: nullable, readOnly/writeOnly, nested arrays, maps, free-form JSON, model-level
 * additionalProperties, uniqueItems, arrays of inline enums, int64 enums, float/double and awkward names.
 */
class StressConstructsTest {
  static final String LEDGER_JSON =
      "{\"ledger_id\":\"L-1\",\"balance\":12345678901234567890.123456789,\"rate\":0.1,\"closed_at\":null,"
          + "\"created_by\":\"ops\",\"matrix\":[[[1,2.5],[]],[[3]]],\"pages\":[[],[]],"
          + "\"totals\":{\"USD\":\"10.00\",\"BTC\":\"0.00000001\"},\"holds\":{\"h1\":[9007199254740993]},"
          + "\"attributes\":{\"nonce\":123456789012345678901234567890,\"fee\":0.1,\"ok\":true,\"none\":null,"
          + "\"list\":[1,\"a\"]},\"raw\":{\"deep\":{\"n\":-0.5e-3}},\"channels\":[\"sms\",\"pigeon\"],"
          + "\"tiers\":[3,1,3],\"level\":20,\"labels\":{\"name\":\"main\",\"team\":\"risk\",\"env\":\"prod\"},"
          + "\"class\":\"gold\",\"2fa_enabled\":true,\"x-request-id\":\"r-1\",\"decimals\":[\"1.10\",\"2\"]}";

  final JsonAdapter<Ledger> ledgers = JsonSupport.moshi().adapter(Ledger.class);

  Ledger ledger() throws Exception {
    return ledgers.fromJson(LEDGER_JSON);
  }

  @Test
  void floatAndDoubleAreExactDecimals() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.balance()).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(ledger.rate()).isEqualTo(new BigDecimal("0.1"));
    assertThat(ledgers.toJson(ledger)).contains("\"balance\":12345678901234567890.123456789,\"rate\":0.1,");
  }

  @Test
  void nestedArraysAndMapsDecode() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.matrix())
        .containsExactly(
            List.of(List.of(BigDecimal.ONE, new BigDecimal("2.5")), List.of()), List.of(List.of(new BigDecimal(3))));
    assertThat(ledger.pages()).containsExactly(List.of(), List.of());
    assertThat(ledger.holds()).isEqualTo(Map.of("h1", List.of(9_007_199_254_740_993L)));
  }

  @Test
  void decimalStringsStayStringsInsideMapsAndLists() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.totals()).containsEntry("BTC", new BigDecimal("0.00000001"));
    assertThat(ledger.decimals()).containsExactly(new BigDecimal("1.10"), new BigDecimal("2"));
    assertThat(ledgers.toJson(ledger))
        .contains("\"totals\":{\"USD\":\"10.00\",\"BTC\":\"0.00000001\"}")
        .contains("\"decimals\":[\"1.10\",\"2\"]");
  }

  @Test
  void freeFormJsonKeepsEveryDigit() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.attributes())
        .containsEntry("nonce", new BigDecimal("123456789012345678901234567890"))
        .containsEntry("fee", new BigDecimal("0.1"))
        .containsEntry("ok", true)
        .containsEntry("none", null)
        .containsEntry("list", List.of(1L, "a"));
    assertThat(ledger.raw()).isEqualTo(Map.of("deep", Map.of("n", new BigDecimal("-0.5e-3"))));
    assertThat(ledgers.toJson(ledger))
        .contains(
            "\"attributes\":{\"nonce\":123456789012345678901234567890,\"fee\":0.1,\"ok\":true,\"none\":null,"
                + "\"list\":[1,\"a\"]}")
        .contains("\"raw\":{\"deep\":{\"n\":-0.0005}}");
  }

  @Test
  void freeFormValuesMayHoldModelsAndJavaNumbers() {
    Ledger ledger =
        minimal().attributes(Map.of("labels", Labels.builder().name("x").build(), "count", 3)).build();

    assertThat(ledgers.toJson(ledger))
        .contains("\"attributes\":{")
        .contains("\"labels\":{\"name\":\"x\"}")
        .contains("\"count\":3");
  }

  @Test
  void requiredNullableIsAlwaysWrittenEvenAsNull() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.closedAt()).isNull();
    assertThat(ledgers.toJson(ledger)).contains("\"closed_at\":null");
    assertThat(ledgers.toJson(minimal().build())).contains("\"closed_at\":null");
    // Reading, an absent member and a null one are the same: the field is null.
    assertThat(ledgers.fromJson("{\"ledger_id\":\"L\",\"balance\":1,\"created_by\":\"o\"}").closedAt()).isNull();
  }

  @Test
  void readOnlyIsRequiredInResponsesOnlyAndWriteOnlyInRequestsOnly() throws Exception {
    // A response: created_by (readOnly) must be there, approval_code (writeOnly) never is.
    assertThat(ledger().approvalCode()).isNull();
    Ledger withoutCreator = ledgers.fromJson("{\"ledger_id\":\"L\",\"balance\":1,\"closed_at\":null}");
    assertThatThrownBy(withoutCreator::validate)
        .isInstanceOf(MissingFieldException.class)
        .hasMessageContaining("Ledger.created_by");
    assertThat(ledger().validate()).isEqualTo(ledger()); // approval_code is not expected in a response

    // A request: approval_code must be set, created_by need not.
    Ledger request = minimal().build();
    assertThat(request.createdBy()).isNull();
    assertThatThrownBy(() -> minimal().approvalCode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ledger.approval_code is required and must not be null");
    assertThatThrownBy(() -> Ledger.builder().ledgerId("L").balance(BigDecimal.ONE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Ledger.approval_code is required but was not set");
  }

  @Test
  void uniqueItemsIsAnOrderedSet() throws Exception {
    assertThat(ledger().tiers()).isInstanceOf(Set.class).containsExactly(3, 1);
    assertThat(ledgers.toJson(ledger())).contains("\"tiers\":[3,1]");
  }

  @Test
  void arrayOfInlineEnumKeepsUnknownValues() throws Exception {
    List<Ledger.ChannelsEnum> channels = ledger().channels();

    assertThat(channels).hasSize(2);
    assertThat(channels.get(0)).isSameAs(Ledger.ChannelsEnum.SMS);
    assertThat(channels.get(1).isKnown()).isFalse();
    assertThat(channels.get(1).value()).isEqualTo("pigeon");
  }

  @Test
  void int64EnumIsOpen() throws Exception {
    assertThat(ledger().level()).isSameAs(Level.NUMBER_20);
    assertThat(Level.of(40L).isKnown()).isFalse();
    assertThat(Level.NUMBER_30.value()).isEqualTo(30L);
  }

  @Test
  void awkwardJsonNamesBecomeValidIdentifiersAndKeepTheirWireNames() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledger.propertyClass()).isEqualTo("gold");
    assertThat(ledger._2faEnabled()).isTrue();
    assertThat(ledger.xRequestId()).isEqualTo("r-1");
    assertThat(ledgers.toJson(ledger)).contains("\"class\":\"gold\",\"2fa_enabled\":true,\"x-request-id\":\"r-1\"");
  }

  @Test
  void wholeLedgerRoundTrips() throws Exception {
    Ledger ledger = ledger();

    assertThat(ledgers.fromJson(ledgers.toJson(ledger))).isEqualTo(ledger).hasSameHashCodeAs(ledger);
  }

  @Test
  void additionalPropertiesOfAModelAreKeptInOrder() throws Exception {
    JsonAdapter<Labels> adapter = JsonSupport.moshi().adapter(Labels.class);

    Labels labels = adapter.fromJson("{\"team\":\"risk\",\"name\":\"main\",\"env\":\"prod\"}");

    assertThat(labels.name()).isEqualTo("main");
    assertThat(labels.additionalProperties()).containsExactly(Map.entry("team", "risk"), Map.entry("env", "prod"));
    assertThat(adapter.toJson(labels)).isEqualTo("{\"name\":\"main\",\"team\":\"risk\",\"env\":\"prod\"}");
    assertThat(labels.toString()).isEqualTo("Labels{name=main, additional properties=[team, env]}");
    assertThat(labels.toBuilder().additionalProperty("env", null).additionalProperty("zone", "eu").build()
            .additionalProperties())
        .containsExactly(Map.entry("team", "risk"), Map.entry("zone", "eu"));
  }

  @Test
  void additionalPropertiesOfTheWrongTypeAreMalformed() {
    assertThatThrownBy(() -> JsonSupport.moshi().adapter(Labels.class).fromJson("{\"n\":{\"a\":1}}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.n");
  }

  @Test
  void builtModelsDoNotChangeWhenTheCallerMutatesItsCollections() {
    List<List<List<BigDecimal>>> matrix = new ArrayList<>();
    Map<String, Object> attributes = new LinkedHashMap<>();
    Ledger ledger = minimal().matrix(matrix).attributes(attributes).build();

    matrix.add(List.of());
    attributes.put("late", 1);

    assertThat(ledger.matrix()).isEmpty();
    assertThat(ledger.attributes()).isEmpty();
    assertThatThrownBy(() -> ledger.matrix().add(List.of())).isInstanceOf(UnsupportedOperationException.class);
  }

  static Ledger.Builder minimal() {
    return Ledger.builder().ledgerId("L-2").balance(BigDecimal.TEN).approvalCode("123456");
  }
}
