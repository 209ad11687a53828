package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.signing.KeyType;
import dev.waasj.auth.token.OrgToken;
import dev.waasj.errors.ApiKeyAuthenticationException;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.testkit.Verdict;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A secp256k1 API key end to end against the emulator, which checks the signatures with its own secp256k1. */
class Secp256k1EndToEndTest {
  final TestKeyPair app = TestKeyPair.generate("secp256k1");
  CoboEmulator cobo;

  @BeforeEach
  void start() {
    cobo = CoboEmulator.builder().registerApp("app", "org", app.publicKeyHex()).start();
  }

  @AfterEach
  void stop() {
    cobo.close();
  }

  Map<String, String> env(String keyType) {
    return Map.of(
        "COBO_BASE_URL", cobo.baseUrl(),
        "COBO_SERVER_PUBLIC_KEY", cobo.serverPublicKeyHex(),
        "COBO_API_SECRET", app.seedHex(),
        "COBO_API_KEY_TYPE", keyType,
        "COBO_CLIENT_ID", "app",
        "COBO_ORG_ID", "org");
  }

  @Test
  void theTokenManagerAndOrgCallsWorkWithASecp256k1KeyFromTheEnvironment() {
    try (CoboClient client = CoboClient.builder().environmentVariables(env("secp256k1")).build()) {
      assertThat(client.apiKey()).isEqualTo(app.publicKeyHex()).hasSize(66);

      OrgToken first = client.tokens().token();
      OrgToken second = client.tokens().refresh();
      Map<String, Object> wallets = client.api(TestApi.class).listWallets();

      assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
      assertThat(wallets).containsKey("data");
    }
    assertThat(cobo.requests()).hasSize(3).allMatch(r -> r.verdict() == Verdict.ACCEPTED);
    assertThat(cobo.requests().get(0).header("BIZ-API-SIGNATURE").orElseThrow()).startsWith("30");
  }

  @Test
  void theSameHexReadAsEd25519IsAnotherKeyThatCoboDoesNotKnow() {
    try (CoboClient client =
        CoboClient.builder().environmentVariables(env("ed25519")).apiKeyType(KeyType.ED25519).build()) {
      assertThat(client.apiKey()).hasSize(64);
      assertThatThrownBy(() -> client.tokens().accessToken()).isInstanceOf(ApiKeyAuthenticationException.class);
    }
    assertThat(cobo.requests()).extracting(RecordedExchange::verdict).containsExactly(Verdict.UNKNOWN_API_KEY);
  }
}
