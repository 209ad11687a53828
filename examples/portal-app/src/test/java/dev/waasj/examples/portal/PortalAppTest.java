package dev.waasj.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example over HTTP only, as Cobo, Cobo Portal and the app's front end reach it: the emulator installs two
 * organizations through the callback URL, and requests carry the User Info Tokens it mints.
 */
@SpringBootTest(classes = PortalAppApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalAppTest {
  static final TestKeyPair KEY = TestKeyPair.generate();
  static final CoboEmulator COBO = CoboEmulator.builder().registerApp("app", "nobody", KEY.publicKeyHex()).start();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Pattern FIRST_WALLET = Pattern.compile("\"wallet_ids\":\\[\"([^\"]+)\"");

  @DynamicPropertySource
  static void cobo(DynamicPropertyRegistry registry) {
    registry.add("cobo.base-url", COBO::baseUrl);
    registry.add("cobo.server-public-key", COBO::serverPublicKeyHex);
    registry.add("cobo.api-secret", KEY::seedHex);
    registry.add("cobo.client-id", () -> "app");
    registry.add("cobo.portal.issuer", () -> COBO.portal().issuer());
  }

  @Value("${local.server.port}")
  int port;

  @AfterAll
  static void stop() {
    COBO.close();
  }

  @Test
  void twoOrganizationsInstallAndEachUserSeesOnlyItsOwnOrganizationsWallets() throws Exception {
    URI callback = URI.create("http://127.0.0.1:" + port + "/cobo/installed");
    assertThat(COBO.portal().install("app", "org-a", callback).status()).isEqualTo(200);
    assertThat(COBO.portal().install("app", "org-b", callback).status()).isEqualTo(200);
    String ann = COBO.portal().userInfoToken("app", "org-a", "ann", "ann@example.com", "Viewer");
    String bob = COBO.portal().userInfoToken("app", "org-b", "bob", "bob@example.com", "Admin");

    assertThat(get("/api/me", ann).body()).contains("\"org_id\":\"org-a\"", "\"user_id\":\"ann\"");
    HttpResponse<String> walletsA = get("/api/wallets", ann);
    HttpResponse<String> walletsB = get("/api/wallets", bob);
    assertThat(walletsA.statusCode()).isEqualTo(200);
    assertThat(walletsA.body()).contains("\"org_id\":\"org-a\"");
    assertThat(walletsB.body()).contains("\"org_id\":\"org-b\"");
    String walletOfA = first(walletsA.body());
    assertThat(walletsB.body()).doesNotContain(walletOfA);

    // A user of org-a asking for org-b, by URL or by org-b's wallet ID, gets nothing of org-b's.
    HttpResponse<String> otherOrg = get("/api/organizations/org-b/wallets", ann);
    assertThat(otherOrg.statusCode()).isEqualTo(403);
    assertThat(otherOrg.body()).doesNotContain(first(walletsB.body()));
    assertThat(get("/api/organizations/org-a/wallets", ann).statusCode()).isEqualTo(200);
    assertThat(get("/api/wallets/" + walletOfA, ann).statusCode()).isEqualTo(200);
    assertThat(get("/api/wallets/" + walletOfA, bob).statusCode()).isEqualTo(404);

    // No token, a forged one, a token of an organization that never installed the app.
    assertThat(get("/api/wallets", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/wallets", ann.substring(0, ann.length() - 4) + "AAAA").statusCode()).isEqualTo(401);
    String eve = COBO.portal().userInfoToken("app", "org-c", "eve", "eve@example.com", "Admin");
    assertThat(get("/api/wallets", eve).statusCode()).isEqualTo(403);
    assertThat(COBO.portal()
        .deliverInstallationCallback(callback, "org_id=org-c&approval_result=1").status()).isEqualTo(403);
    assertThat(get("/api/wallets", eve).statusCode()).isEqualTo(403);
  }

  @Test
  void theOfflineDemoRunsWithOneCommandAndShowsTheRefusal() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status = PortalAppApplication.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    String out = printed.toString(StandardCharsets.UTF_8);

    assertThat(status).as(out).isZero();
    assertThat(out).contains("approval_result=1: 200", "ann (org-a) -> GET /api/wallets: 200",
        "ann (org-a) -> GET /api/organizations/org-b/wallets: 403", "nobody -> GET /api/wallets: 401");
  }

  static String first(String body) {
    Matcher m = FIRST_WALLET.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
