package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecordedExchangeTest extends EmulatorTestBase {
  @Test
  void recordsTheRequestAsReceived() {
    client.getToken(CLIENT_ID, ORG_ID);

    RecordedExchange exchange = cobo().requests().get(0);
    assertThat(exchange.method()).isEqualTo("GET");
    assertThat(exchange.path()).isEqualTo("/v2/oauth/token");
    assertThat(exchange.query()).isEqualTo("client_id=test-client&org_id=test-org&grant_type=org_implicit");
    assertThat(exchange.body()).isEmpty();
    assertThat(exchange.header("biz-api-key")).hasValue(app.publicKeyHex());
    assertThat(exchange.headers().get("BIZ-API-NONCE")).hasSize(1);
    assertThat(exchange.verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(exchange.status()).hasValue(200);
    assertThat(exchange.errorCode()).isEmpty();
    assertThat(exchange.oauthError()).isEmpty();
    assertThat(exchange.fault()).isEmpty();
    assertThat(exchange.receivedAt()).isEqualTo(START);
  }

  @Test
  void recordsInOrderAndClears() {
    client.get("/v2/wallets");
    CLOCK.advance(Duration.ofSeconds(1));
    client.refresh(CLIENT_ID, "nope");

    assertThat(cobo().requests()).extracting(RecordedExchange::path).containsExactly("/v2/wallets", "/v2/oauth/token");
    assertThat(cobo().requests().get(0).errorCode()).hasValue(2022);
    assertThat(cobo().requests().get(1).oauthError()).hasValue("invalid_grant");
    assertThat(cobo().requests().get(1).body()).contains("\"refresh_token\":\"nope\"");

    cobo().clearRequests();
    assertThat(cobo().requests()).isEmpty();
  }

  @Test
  void toStringHidesSignaturesAndTokens() {
    String tokens = tokenBody();
    String access = SignedClient.requiredField(tokens, "access_token");
    String refresh = SignedClient.requiredField(tokens, "refresh_token");
    client.getWithBearer("/v2/wallets", access);
    client.refresh(CLIENT_ID, refresh);

    for (RecordedExchange exchange : cobo().requests()) {
      String signature = exchange.header("BIZ-API-SIGNATURE").orElseThrow();
      assertThat(exchange.toString())
          .doesNotContain(signature, access, refresh, app.publicKeyHex())
          .contains("[REDACTED]", exchange.path());
    }
    assertThat(cobo().requests().get(1).header("Authorization")).hasValue("Bearer " + access);
  }

  @Test
  void redactsTokensInQueriesAndSpacedJson() {
    assertThat(Redaction.query("a=1&access_token=s3cret&refresh_token=r&token_type=Bearer&b=2"))
        .isEqualTo("a=1&access_token=[REDACTED]&refresh_token=[REDACTED]&token_type=Bearer&b=2");
    assertThat(Redaction.body("{\"refresh_token\" : \"a\\\"b\", \"x\":\"y\", \"signature\":\"0xab\"}"))
        .isEqualTo("{\"refresh_token\" : \"[REDACTED]\", \"x\":\"y\", \"signature\":\"[REDACTED]\"}");
  }

  @Test
  void theSnapshotIsImmutable() {
    client.get("/v2/wallets");

    RecordedExchange exchange = cobo().requests().get(0);
    assertThat(cobo().requests()).isUnmodifiable();
    assertThat(exchange.headers()).isUnmodifiable();
    assertThat(exchange.headers().get("BIZ-API-KEY")).isUnmodifiable();
  }
}
