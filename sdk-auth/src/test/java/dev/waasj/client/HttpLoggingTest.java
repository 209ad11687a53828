package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.token.TokenResponse;
import dev.waasj.internal.redaction.SecretNames;
import dev.waasj.testing.SecretNameCorpus;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulatorExtension;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Even at the most verbose level, logs carry no token, signature, nonce, key or secret. */
class HttpLoggingTest {
  static final TestKeyPair APP = TestKeyPair.generate();

  @RegisterExtension
  static final CoboEmulatorExtension COBO =
      CoboEmulatorExtension.create(b -> b.registerApp("app", "org", APP.publicKeyHex()));

  @Test
  void bodyLevelLogsRedactEverySecret() {
    List<String> lines = new CopyOnWriteArrayList<>();
    TokenResponse first;
    TokenResponse second;
    try (CoboClient client =
        CoboClient.builder()
            .baseUrl(COBO.get().baseUrl())
            .serverPublicKey(COBO.get().serverPublicKeyHex())
            .apiSecret(APP.seedHex())
            .httpLogging(HttpLogLevel.BODY)
            .httpLogSink(lines::add)
            .build()) {
      TestApi api = client.api(TestApi.class);
      first = api.getToken("app", "org", "org_implicit");
      second = api.refreshToken(TestApi.refreshBody("app", first.refreshToken()));
    }

    String log = String.join("\n", lines);
    assertThat(lines).hasSize(4); // request and response of each call
    assertThat(log)
        .contains("--> GET", "<-- 200", "--> POST", "\"refresh_token\":\"[REDACTED]\"")
        .contains("BIZ-API-SIGNATURE: [REDACTED]", "BIZ-API-NONCE: [REDACTED]", "BIZ-API-KEY: [REDACTED]")
        .doesNotContain(first.accessToken(), first.refreshToken(), second.accessToken(), second.refreshToken())
        .doesNotContain(APP.seedHex(), APP.publicKeyHex());
    for (RecordedExchange exchange : COBO.get().requests()) {
      assertThat(log)
          .doesNotContain(exchange.header("BIZ-API-SIGNATURE").orElseThrow())
          // The nonce as a header value: a millisecond timestamp, the same digits as a BIZ_TIMESTAMP of that
          // millisecond, which is no secret.
          .doesNotContain("BIZ-API-NONCE: " + exchange.header("BIZ-API-NONCE").orElseThrow());
    }
  }

  @Test
  void redactorHandlesJsonQueriesAndHeaders() {
    assertThat(Redactor.json("{\"access_token\": \"a\\\"b\", \"expires_in\": 5, \"api_secret\":\"s\"}"))
        .isEqualTo("{\"access_token\": \"[REDACTED]\", \"expires_in\": 5, \"api_secret\":\"[REDACTED]\"}");
    // The query stays the bytes that were signed, secrets aside: no re-encoding of the marker or of anything else.
    assertThat(Redactor.url(okhttp3.HttpUrl.get("https://h/v2/x?refresh_token=abc&org_id=o%20p&q=a+b")))
        .isEqualTo("https://h/v2/x?refresh_token=[REDACTED]&org_id=o%20p&q=a+b");
    assertThat(Redactor.header("Authorization", "Bearer abc")).isEqualTo("[REDACTED]");
    assertThat(Redactor.header("Content-Type", "application/json")).isEqualTo("application/json");
  }

  @Test
  void logsHideExactlyTheNamesTheSdksOneRuleHides() {
    for (String name : SecretNameCorpus.names()) {
      boolean secret = SecretNames.isSecret(name);
      String json = "{\"" + name + "\":\"v4lue\"}";
      assertThat(Redactor.json(json))
          .as("body %s", name)
          .isEqualTo(secret ? "{\"" + name + "\":\"" + SecretNames.MARKER + "\"}" : json);
      assertThat(Redactor.header(name, "v4lue"))
          .as("header %s", name)
          .isEqualTo(SecretNames.isSecretHeader(name) ? SecretNames.MARKER : "v4lue");
    }
    assertThat(Redactor.json("{\"signature\":\"0xab\",\"signature_type\":\"ECDSA\"}"))
        .isEqualTo("{\"signature\":\"[REDACTED]\",\"signature_type\":\"ECDSA\"}");
  }

  @Test
  void valuesAreRedactedForWhatTheyAreNotForNamesThatLookLikeSecrets() {
    String body =
        "{\"access_token\":\"AT\",\"token_type\":\"Bearer\",\"token_id\":\"ETH_USDT\",\"refresh_token\":\"RT\","
            + "\"client_secret\":\"CS\",\"privateKey\":\"PK\",\"signature\":\"SIG\",\"tokenType\":\"Bearer\"}";

    assertThat(Redactor.json(body))
        .contains("\"token_type\":\"Bearer\"", "\"token_id\":\"ETH_USDT\"", "\"tokenType\":\"Bearer\"")
        .doesNotContain("\"AT\"", "\"RT\"", "\"CS\"", "\"PK\"", "\"SIG\"");
  }
}
