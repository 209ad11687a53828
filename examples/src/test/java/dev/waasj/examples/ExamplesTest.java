package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.generated.model.TransferParams;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every example runs against the emulator; the main job works offline, from variables, and fails readably. */
class ExamplesTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int quickStart(Map<String, String> env, String... args) {
    return QuickStart.run(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void getTokenExample() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      String summary = GetTokenExample.run(setup.client(), setup.clientId(), setup.orgId());
      assertThat(summary).matches("access \\[64 chars, sha256 [0-9a-f]{8}\\] Bearer, expires in 43199 s, refresh .*");
    }
  }

  @Test
  void refreshTokenExample() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      String[] tokens = RefreshTokenExample.run(setup.client(), setup.clientId(), setup.orgId());
      assertThat(tokens[1]).isNotEqualTo(tokens[0]);
    }
  }

  @Test
  void listWalletsExampleWalksEveryPage() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      CoboEmulator cobo = setup.emulator().orElseThrow();

      List<String> wallets = ListWalletsExample.run(setup.client(), 10);

      assertThat(wallets).hasSize(23).doesNotHaveDuplicates(); // the emulator's lists hold 23 items
      assertThat(cobo.requests())
          .filteredOn(r -> r.path().equals("/v2/wallets"))
          .extracting(RecordedExchange::query)
          .hasSize(3)
          .allMatch(q -> q.startsWith("limit=10"));
    }
  }

  @Test
  void transferExampleRecoversFromALostAnswerByItsRequestId() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      CoboEmulator cobo = setup.emulator().orElseThrow();
      setup.client().tokens().accessToken(); // so the fault meets the transfer, not the token request
      cobo.clearRequests();
      String requestId = UUID.randomUUID().toString();
      TransferParams transfer =
          TransferExample.transfer(requestId, UUID.randomUUID(), "ETH_USDT", "0x9a1b2c3d4e5f6071", "1.5");
      cobo.enqueueFault(Fault.dropResponse()); // the transfer is made, its answer lost

      String transactionId = TransferExample.send(setup.client(), transfer);

      List<RecordedExchange> wire = cobo.requests();
      assertThat(wire).extracting(r -> r.method() + " " + r.path())
          .containsExactly(
              "POST /v2/transactions/transfer", "POST /v2/transactions/transfer", "GET /v2/transactions");
      assertThat(wire.get(1).body()).isEqualTo(wire.get(0).body()); // the same request_id, sent again
      assertThat(wire.get(1).errorCode()).hasValue(12009);
      assertThat(wire.get(2).query()).isEqualTo("request_id=" + requestId);
      // The transaction found is the one the first, lost call created.
      assertThat(GetTransactionExample.run(setup.client(), UUID.fromString(transactionId)))
          .startsWith(transactionId)
          .contains("(request " + requestId + ")");
    }
  }

  @Test
  void tokenManagerExample() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      TokenManagerExample.Result r = TokenManagerExample.run(setup.client());
      assertThat(r.refreshed.accessToken()).isNotEqualTo(r.first.accessToken());
      assertThat(r.refreshed.refreshToken()).isNotEqualTo(r.first.refreshToken());
    }
  }

  @Test
  void quickStartWithNothingSetRunsOfflineAndRedactsTokens() {
    assertThat(quickStart(Map.of())).isZero();

    assertThat(out())
        .contains("embedded emulator at http://127.0.0.1:")
        .contains("getToken", "refreshToken", "rotated", "OK")
        .contains("wallets      23 across every page")
        .containsPattern("transfer     answer lost, resent with request_id [0-9a-f]{8}\\.\\.\\., duplicate refused, found again as transaction [0-9a-f-]{36}")
        .containsPattern("access \\[\\d+ chars, sha256 [0-9a-f]{8}\\]");
    assertThat(err()).isEmpty();
  }

  @Test
  void quickStartRunsOfflineWithASecp256k1KeyToo() {
    assertThat(quickStart(Map.of("COBO_API_KEY_TYPE", "secp256k1"))).isZero();

    assertThat(out()).contains("secp256k1 key").contains("rotated", "OK");
    assertThat(err()).isEmpty();
  }

  @Test
  void quickStartAgainstAServerNamedByVariables() {
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator server = CoboEmulator.builder().registerApp("app-9", "org-9", app.publicKeyHex()).start()) {
      assertThat(quickStart(env(server, app, server.serverPublicKeyHex()))).isZero();

      assertThat(out()).contains(server.baseUrl()).contains("OK");
      server.requests().forEach(r -> {
        r.header("BIZ-API-SIGNATURE").ifPresent(sig -> assertThat(out()).doesNotContain(sig));
      });
      assertThat(out()).doesNotContain(app.seedHex());
      // A token, its refresh, and three pages of wallets: no transfer against a server named by variables.
      assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
          .containsExactly(
              "GET /v2/oauth/token", "POST /v2/oauth/token", "GET /v2/wallets", "GET /v2/wallets", "GET /v2/wallets");
    }
  }

  @Test
  void quickStartSaysTheResponseSignatureFailedWhenTheServerUsesAnotherKey() {
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator server = CoboEmulator.builder().registerApp("app-9", "org-9", app.publicKeyHex()).start()) {
      int status = quickStart(env(server, app, TestKeyPair.generate().publicKeyHex()));

      assertThat(status).isEqualTo(1);
      assertThat(err()).startsWith("FAILED: response signature verification failed (INVALID)");
      assertThat(err().lines()).hasSize(1);
    }
  }

  @Test
  void quickStartSaysTheResponseSignatureFailedWhenTheServerDoesNotSign() {
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator server = CoboEmulator.builder().registerApp("app-9", "org-9", app.publicKeyHex()).start()) {
      server.enqueueFault(Fault.unsigned());

      assertThat(quickStart(env(server, app, server.serverPublicKeyHex()))).isEqualTo(1);
      assertThat(err()).startsWith("FAILED: response signature verification failed (MISSING)");
    }
  }

  @Test
  void stackTraceOnlyWhenAsked() {
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator server = CoboEmulator.builder().registerApp("app-9", "org-9", app.publicKeyHex()).start()) {
      server.enqueueFault(Fault.unsigned());
      quickStart(env(server, app, server.serverPublicKeyHex()), "--stacktrace");

      assertThat(err()).contains("at dev.waasj");
    }
  }

  @Test
  void missingVariableIsAConfigurationErrorWithoutTheSecret() {
    TestKeyPair app = TestKeyPair.generate();
    Map<String, String> env = new HashMap<>();
    env.put("COBO_BASE_URL", "http://127.0.0.1:9/v2");
    env.put("COBO_API_SECRET", app.seedHex());
    env.put("COBO_CLIENT_ID", "app");

    assertThat(quickStart(env)).isEqualTo(2);
    assertThat(err()).isEqualTo("FAILED: configuration: COBO_ORG_ID is not set" + System.lineSeparator());
  }

  static Map<String, String> env(CoboEmulator server, TestKeyPair app, String serverKey) {
    return Map.of(
        "COBO_BASE_URL", server.baseUrl(),
        "COBO_API_SECRET", app.seedHex(),
        "COBO_CLIENT_ID", "app-9",
        "COBO_ORG_ID", "org-9",
        "COBO_SERVER_PUBLIC_KEY", serverKey);
  }
}
