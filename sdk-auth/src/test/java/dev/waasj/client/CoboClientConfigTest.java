package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.signing.RequestSigner;
import dev.waasj.internal.crypto.JdkEd25519;
import dev.waasj.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Building a client: every bad input is refused before any I/O, and no message carries the secret. */
class CoboClientConfigTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final String API_KEY = "5ca81159f4f766234d4b875370b2cc31a64e9379e5ebb99c8a517ec2c07be855";
  static final String SERVER_KEY = "d13d6c134d9006a0352c1b20e44b66175517ff24fb1d769b0b0922dd8308daf6";

  @Test
  void environmentGivesBaseUrlAndDerivedApiKey() {
    try (CoboClient client =
        CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).build()) {
      assertThat(client.baseUrl()).isEqualTo("https://api.dev.cobo.com/v2/");
      assertThat(client.apiKey()).isEqualTo(API_KEY);
      assertThat(client.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void fromEnvironmentVariablesPicksEnvironmentByName() {
    try (CoboClient client =
        CoboClient.builder()
            .environmentVariables(Map.of("COBO_ENV", "prod", "COBO_API_SECRET", SECRET))
            .build()) {
      assertThat(client.baseUrl()).isEqualTo("https://api.cobo.com/v2/");
    }
  }

  @Test
  void missingSecretInEnvironmentIsNamed() {
    assertThatThrownBy(() -> CoboClient.builder().environmentVariables(Map.of("COBO_ENV", "dev")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("COBO_API_SECRET is not set");
  }

  @Test
  void unknownEnvironmentNameIsRefused() {
    assertThatThrownBy(() -> CoboEnvironment.parse("staging"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dev, prod or sandbox");
  }

  @Test
  void badSecretsAreRefusedWithoutEchoingThem() {
    String tooShort = SECRET.substring(0, 62);
    String notHex = "zz" + SECRET.substring(2);
    for (String bad : List.of(tooShort, notHex)) {
      assertThatThrownBy(() -> CoboClient.builder().apiSecret(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain(bad)
          .doesNotContain(SECRET.substring(2, 34));
    }
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopback() {
    CoboClient.Builder b = CoboClient.builder().apiSecret(SECRET).serverPublicKey(SERVER_KEY);

    assertThatThrownBy(() -> b.baseUrl("http://gateway.example.com/v2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
    for (String ok : List.of("http://127.0.0.1:8080/v2", "http://localhost/v2", "http://[::1]:9/v2")) {
      try (CoboClient client = b.baseUrl(ok).build()) {
        assertThat(client.baseUrl()).endsWith("/v2/");
      }
    }
  }

  @Test
  void httpsGatewayWorksWithItsOwnServerKey() {
    try (CoboClient client =
        CoboClient.builder()
            .apiSecret(SECRET)
            .baseUrl("https://cobo-gateway.internal.example/v2")
            .serverPublicKey(SERVER_KEY)
            .build()) {
      assertThat(client.baseUrl()).isEqualTo("https://cobo-gateway.internal.example/v2/");
    }
  }

  @Test
  void customBaseUrlWithoutServerKeyFailsClosed() {
    assertThatThrownBy(
            () -> CoboClient.builder().apiSecret(SECRET).baseUrl("https://gw.example/v2").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("serverPublicKey")
        .hasMessageContaining("disableResponseVerification");
  }

  @Test
  void malformedServerKeyIsRefused() {
    assertThatThrownBy(
            () ->
                CoboClient.builder()
                    .apiSecret(SECRET)
                    .baseUrl("https://gw.example/v2")
                    .serverPublicKey("abc")
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disablingVerificationIsExplicitAndLogged() {
    List<LogRecord> records = new ArrayList<>();
    Logger logger = Logger.getLogger(CoboClient.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try (CoboClient client =
        CoboClient.builder()
            .apiSecret(SECRET)
            .baseUrl("http://127.0.0.1:1/v2")
            .disableResponseVerification()
            .build()) {
      assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:1/v2/");
      assertThat(records)
          .anySatisfy(r -> assertThat(r.getMessage()).contains("verification is DISABLED"));
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void noSecretNoClient() {
    assertThatThrownBy(() -> CoboClient.builder().environment(CoboEnvironment.DEV).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiSecret");
  }

  @Test
  void customSignerIsUsedAsIs() throws Exception {
    List<byte[]> digests = new ArrayList<>();
    RequestSigner hsm =
        new RequestSigner() {
          @Override
          public String apiKey() {
            return "ab".repeat(32);
          }

          @Override
          public byte[] sign(byte[] digest) {
            digests.add(digest.clone());
            byte[] signature = new byte[64];
            java.util.Arrays.fill(signature, (byte) 0x5a);
            return signature;
          }
        };
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      try (CoboClient client =
          CoboClient.builder()
              .baseUrl(server.url("/v2").toString())
              .disableResponseVerification()
              .signer(hsm)
              .build()) {
        assertThat(client.apiKey()).isEqualTo("ab".repeat(32));
        client.api(TestApi.class).listWallets();
      }
      RecordedRequest wire = server.takeRequest();
      assertThat(wire.getHeaders().get("BIZ-API-KEY")).isEqualTo("ab".repeat(32));
      assertThat(wire.getHeaders().get("BIZ-API-SIGNATURE")).isEqualTo("5a".repeat(64));
      // The signer saw exactly the digest of what went on the wire.
      String signed = "GET|/v2/wallets|" + wire.getHeaders().get("BIZ-API-NONCE") + "||";
      assertThat(digests).hasSize(1);
      assertThat(digests.get(0)).isEqualTo(JdkEd25519.doubleSha256(signed));
    }
  }

  @Test
  void callerOkHttpClientIsExtendedNotModified() {
    OkHttpClient shared = new OkHttpClient();
    try (CoboClient client =
        CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).okHttpClient(shared).build()) {
      assertThat(shared.interceptors()).isEmpty();
      assertThat(shared.networkInterceptors()).isEmpty();
      assertThat(client.httpClient().connectionPool()).isSameAs(shared.connectionPool());
      assertThat(client.httpClient().networkInterceptors()).isNotEmpty();
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void plainHttpNeedsNoTlsButHttpsAndClientsDerivedForItDo() {
    try (CoboClient local = CoboClient.builder().baseUrl("http://127.0.0.1:8080/v2").serverPublicKey(SERVER_KEY)
            .apiSecret(SECRET).build();
        CoboClient derived = local.newBuilder().environment(CoboEnvironment.DEV).baseUrl("https://api.dev.cobo.com/v2")
            .build();
        CoboClient dev = CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).build()) {
      // No TLS spec: OkHttp never builds a trust manager or socket factory, the start-up cost of TLS.
      assertThat(local.httpClient().connectionSpecs()).containsExactly(okhttp3.ConnectionSpec.CLEARTEXT);
      assertThat(local.httpClient().x509TrustManager()).isNull();
      for (CoboClient tls : List.of(derived, dev)) {
        assertThat(tls.httpClient().connectionSpecs()).contains(okhttp3.ConnectionSpec.MODERN_TLS);
        assertThat(tls.httpClient().x509TrustManager()).isNotNull();
      }
    }
  }

  @Test
  void anApplicationsOwnConnectionSpecsAreKept() {
    OkHttpClient own = new OkHttpClient.Builder()
        .connectionSpecs(List.of(okhttp3.ConnectionSpec.RESTRICTED_TLS, okhttp3.ConnectionSpec.CLEARTEXT)).build();
    try (CoboClient client = CoboClient.builder().okHttpClient(own).baseUrl("http://127.0.0.1:8080/v2")
        .serverPublicKey(SERVER_KEY).apiSecret(SECRET).build()) {
      assertThat(client.httpClient().connectionSpecs())
          .containsExactly(okhttp3.ConnectionSpec.RESTRICTED_TLS, okhttp3.ConnectionSpec.CLEARTEXT);
    }
  }

  @Test
  void anOrganizationNeedsTheAppAndAnAppAloneServesOrganizationsThroughViews() {
    assertThatThrownBy(
            () -> CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).orgId("o").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId");
    try (CoboClient app = CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).clientId("a").build()) {
      assertThatThrownBy(app::tokens)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("organization(orgId).tokens()");
      assertThat(app.organization("o").tokens().orgId()).isEqualTo("o");
    }
    try (CoboClient client = CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).build()) {
      assertThatThrownBy(client::tokens).isInstanceOf(IllegalStateException.class);
    }
  }
}
