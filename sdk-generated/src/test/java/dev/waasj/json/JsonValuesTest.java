package dev.waasj.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import dev.waasj.internal.json.JsonSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Free-form JSON: exact numbers, kept order and nulls, unmodifiable results. */
class JsonValuesTest {
  final JsonAdapter<@Nullable Object> adapter = JsonValues.adapter(JsonSupport.moshi());

  @Test
  void integersAreLongsUntilTheyDoNotFitThenDecimals() throws Exception {
    assertThat(adapter.fromJson("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(adapter.fromJson("-0")).isEqualTo(0L);
    assertThat(adapter.fromJson("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(adapter.fromJson("0.1")).isEqualTo(new BigDecimal("0.1"));
    assertThat(adapter.fromJson("1e2")).isEqualTo(new BigDecimal("1e2"));
  }

  @Test
  void writesWhatItReadsWithoutScientificNotationOrLostDigits() throws Exception {
    String json = "{\"b\":[1,2.50,null,{\"x\":null}],\"a\":123456789012345678901234567890.000000000000000001}";

    assertThat(adapter.toJson(adapter.fromJson(json))).isEqualTo(json);
    assertThat(adapter.toJson(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void objectsAndArraysAreUnmodifiable() throws Exception {
    Map<?, ?> object = (Map<?, ?>) adapter.fromJson("{\"list\":[1]}");

    assertThatThrownBy(() -> object.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) object.get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesJavaCollectionsNumbersAndModelsToo() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("list", new ArrayList<>(Arrays.asList(1, 2.5d, "x")));
    value.put("none", null);

    assertThat(adapter.toJson(value)).isEqualTo("{\"list\":[1,2.5,\"x\"],\"none\":null}");
  }

  @Test
  void stringMemberReadsStringsAndNumbersOfObjectsOnly() {
    assertThat(JsonValues.stringMember(Map.of("k", "v"), "k")).isEqualTo("v");
    assertThat(JsonValues.stringMember(Map.of("k", 7L), "k")).isEqualTo("7");
    assertThat(JsonValues.stringMember(Map.of("k", List.of()), "k")).isNull();
    assertThat(JsonValues.stringMember(List.of(), "k")).isNull();
    assertThat(JsonValues.stringMember(null, "k")).isNull();
  }
}
