package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.TestKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
  void listWalletsExampleWalksThePages() {
    try (ExampleSetup setup = ExampleSetup.embedded()) {
      assertThat(ListWalletsExample.run(setup.client())).isEmpty(); // the emulator's organization has no wallets
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
      assertThat(server.requests()).hasSize(2);
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
