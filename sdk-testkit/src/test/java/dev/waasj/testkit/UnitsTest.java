package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value types and helpers, without a server. */
class UnitsTest {
  @Test
  void generatedKeyPairsAreFreshAndConsistent() {
    TestKeyPair a = TestKeyPair.generate();
    TestKeyPair b = TestKeyPair.generate();

    assertThat(a.seedHex()).matches("[0-9a-f]{64}").isNotEqualTo(b.seedHex());
    assertThat(a.publicKeyHex()).matches("[0-9a-f]{64}");
    assertThat(TestKeyPair.fromSeedHex(a.seedHex())).isEqualTo(a);
    String signature = TestCrypto.sign(a.seedHex(), "x");
    assertThat(TestCrypto.verify(a.publicKeyHex(), "x", signature)).isTrue();
  }

  @Test
  void keyPairNeverShowsItsSeed() {
    TestKeyPair key = TestKeyPair.generate();

    assertThat(key.toString()).contains(key.publicKeyHex()).doesNotContain(key.seedHex());
    String badSeed = "ABCDEF" + key.seedHex().substring(6);
    assertThatIllegalArgumentException().isThrownBy(() -> TestKeyPair.fromSeedHex(badSeed))
        .withMessageNotContaining(badSeed.substring(6));
  }

  @Test
  void builderRejectsBadValuesWhereTheyAreWritten() {
    CoboEmulator.Builder builder = CoboEmulator.builder();

    assertThatIllegalArgumentException().isThrownBy(() -> builder.registerApp("c", "o", "00"));
    assertThatIllegalArgumentException().isThrownBy(() -> builder.registerApp(" ", "o", "0".repeat(64)));
    assertThatIllegalArgumentException().isThrownBy(() -> builder.serverSeedHex("xyz"));
    assertThatIllegalArgumentException().isThrownBy(() -> builder.accessTokenLifetime(Duration.ofMillis(999)));
    assertThatIllegalArgumentException().isThrownBy(() -> builder.nonceWindow(Duration.ofSeconds(-1)));
  }

  @Test
  void closedEmulatorSaysSo() {
    CoboEmulator cobo = CoboEmulator.builder().start();
    cobo.close();
    cobo.close();

    assertThat(cobo.toString()).contains("closed");
  }

  @Test
  void mutableClockMovesOnlyWhenTold() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    MutableClock clock = MutableClock.at(start);
    var zoned = clock.withZone(ZoneId.of("Asia/Singapore"));

    assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(start.plusSeconds(3600));
    assertThat(zoned.instant()).isEqualTo(start.plusSeconds(3600));
    assertThat(zoned.getZone()).isEqualTo(ZoneId.of("Asia/Singapore"));
    clock.set(start);
    assertThat(clock.millis()).isEqualTo(start.toEpochMilli());
  }

  @Test
  void jsonParserReadsWhatItMust() {
    Map<String, Object> parsed =
        Json.parseObject(" {\"a\":\"x\\u0041\\n\",\"b\":[1,-2.5e3,true,null,{}],\"c\":false} ");

    assertThat(parsed).containsEntry("a", "xA\n").containsEntry("c", Boolean.FALSE);
    assertThat(parsed.get("b")).isEqualTo(List.of("1", "-2.5e3", Boolean.TRUE, Json.NULL, Map.of()));
    assertThat(Json.stringMember(parsed, "b")).isNull();
  }

  @Test
  void jsonParserRejectsWhatItMust() {
    for (String bad : List.of("", "[]", "{", "{\"a\":1,}", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":01}",
        "{\"a\":\"\u0001\"}", "{'a':1}", "[".repeat(100))) {
      assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Json.parseObject(bad));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("{\"a\":" + "[".repeat(100) + "}"));
  }

  @Test
  void jsonQuoteEscapes() {
    assertThat(Json.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
  }
}
