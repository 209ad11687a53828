package dev.waasj.spring.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.portal.PortalOrganizations;
import dev.waasj.testkit.BadUserInfoToken;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.InstallationDelivery;
import dev.waasj.testkit.TestKeyPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Portal app's backend on the starter, a real Spring Boot application on a random port: the emulator installs
 * organizations through the auto-configured callback servlet, and requests carry User Info Tokens the emulator
 * minted. One context; run on Boot 3.5 here and on Boot 4.0 by spring-boot4-tests.
 */
@SpringBootTest(
    classes = PortalTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cobo.client-id=app",
      "cobo.portal.callback-path=/cobo/installed",
      "cobo.portal.paths=/api/*",
      "cobo.portal.token-header=X-Cobo-User-Info-Token",
      "server.max-http-request-header-size=16KB" // Tomcat's 8 KB would refuse an oversized token before we see it
    })
class PortalStarterTest {
  static final TestKeyPair KEY = TestKeyPair.generate();
  static final CoboEmulator COBO =
      CoboEmulator.builder().registerApp("app", "seed-org", KEY.publicKeyHex()).start();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String HEADER = "X-Cobo-User-Info-Token";

  @DynamicPropertySource
  static void cobo(DynamicPropertyRegistry registry) {
    registry.add("cobo.base-url", COBO::baseUrl);
    registry.add("cobo.server-public-key", COBO::serverPublicKeyHex);
    registry.add("cobo.api-secret", KEY::seedHex);
    registry.add("cobo.portal.issuer", () -> COBO.portal().issuer());
  }

  @AfterAll
  static void stopEmulator() {
    COBO.close();
  }

  @Value("${local.server.port}")
  int port;

  @Autowired PortalTestApplication.Api api;
  @Autowired PortalTestApplication.Installs installs;
  @Autowired InMemoryTokenStore store;
  @Autowired PortalOrganizations organizations;

  String orgA;
  String orgB;

  @BeforeEach
  void installTwoOrganizations() {
    orgA = "a-" + System.nanoTime();
    orgB = "b-" + System.nanoTime();
    for (String org : new String[] {orgA, orgB}) {
      InstallationDelivery delivery = COBO.portal().install("app", org, callback());
      assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
    }
  }

  URI callback() {
    return URI.create("http://127.0.0.1:" + port + "/cobo/installed");
  }

  @Test
  void theEmulatorsInstallationCallbackReachesTheServletAndStoresEachOrganizationsToken() {
    assertThat(installs.installed).contains(orgA, orgB);
    assertThat(store.load("app", orgA)).isNotNull();
    assertThat(organizations.isInstalled(orgB)).isTrue();

    String forged = "forged-" + System.nanoTime();
    InstallationDelivery delivery =
        COBO.portal().deliverInstallationCallback(callback(), "org_id=" + forged + "&approval_result=1");
    assertThat(delivery.status()).isEqualTo(403);
    assertThat(store.load("app", forged)).isNull();

    InstallationDelivery twice =
        COBO.portal().deliverInstallationCallback(callback(), "org_id=" + orgA + "&org_id=x&approval_result=1");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("invalid_request").doesNotContain("\"x\"");
  }

  @Test
  void aControllerGetsTheVerifiedUserAndItsOwnOrganization() throws Exception {
    String ofA = COBO.portal().userInfoToken("app", orgA, "ann", "ann@example.com", "Viewer", "Spender");
    String ofB = COBO.portal().userInfoToken("app", orgB, "bob", "bob@example.com", "Admin");

    HttpResponse<String> me = get("/api/me", ofA);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"org\":\"" + orgA + "\"", "\"user\":\"ann\"", "Spender");

    HttpResponse<String> walletsA = get("/api/wallets", ofA);
    HttpResponse<String> walletsB = get("/api/wallets", ofB);
    assertThat(walletsA.statusCode()).isEqualTo(200);
    assertThat(walletsA.body()).contains("\"org\":\"" + orgA + "\"").doesNotContain(orgB);
    assertThat(walletsB.body()).contains("\"org\":\"" + orgB + "\"").doesNotContain(orgA);
    String tokenA = store.load("app", orgA).accessToken();
    String tokenB = store.load("app", orgB).accessToken();
    assertThat(COBO.requests()).filteredOn(r -> r.path().endsWith("/wallets"))
        .extracting(r -> r.header("Authorization").orElse(""))
        .contains("Bearer " + tokenA, "Bearer " + tokenB);
  }

  @Test
  void requestsWithoutAValidTokenGet401AndReachNoController() throws Exception {
    int before = api.calls.get();
    assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/nothing-portal", null).statusCode()).isEqualTo(401);
    assertThat(get("/open/me", null).statusCode()).isEqualTo(401);
    for (BadUserInfoToken bad : BadUserInfoToken.values()) {
      String token = COBO.portal().badUserInfoToken(bad, "app", orgA, "ann");
      HttpResponse<String> refused = get("/api/me", token);
      assertThat(refused.statusCode()).as(bad.name()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
      assertThat(refused.body()).contains("invalid_token").doesNotContain(token.split("\\.")[0]);
      assertThat(get("/open/me", token).statusCode()).as(bad.name()).isEqualTo(401);
    }
    assertThat(get("/api/me", "x".repeat(9000)).body()).contains("\"reason\":\"too_large\"");
    assertThat(api.calls.get()).isEqualTo(before);

    String notInstalled = COBO.portal().userInfoToken("app", "never-" + System.nanoTime(), "eve", "e@example.com");
    HttpResponse<String> refused = get("/api/wallets", notInstalled);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("organization_not_installed");
    assertThat(api.calls.get()).isEqualTo(before);

    assertThat(get("/open/me", COBO.portal().userInfoToken("app", orgB, "bob", "b@example.com")).body())
        .isEqualTo(orgB);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header(HEADER, token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
