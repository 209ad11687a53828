package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Portal app installed by many organizations, over real HTTP with the testkit's own signing client: an app
 * registered for any organization, each organization its own token family and rotation, uninstalling, and answers
 * that say whose they are, so a bearer of one organization cannot read another's wallet.
 */
class ManyOrganizationsTest {
  static final Path SPEC = Path.of("..", "openapi", "cobo-waas2.yaml");
  static final ObjectMapper JSON = new ObjectMapper();

  final TestKeyPair app = TestKeyPair.generate();
  final MutableClock clock = MutableClock.at(Instant.now());
  CoboEmulator cobo;
  SignedClient client;

  @BeforeEach
  void start() {
    cobo = CoboEmulator.builder().spec(SPEC).clock(clock).registerAppForAnyOrganization("app", app.publicKeyHex())
        .start();
    client = new SignedClient(cobo, app, clock);
  }

  @AfterEach
  void stop() {
    cobo.close();
  }

  /** A token pair of {@code orgId}: [access, refresh]. */
  String[] grant(String orgId) throws Exception {
    HttpResponse<String> response = client.getToken("app", orgId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    return new String[] {body.path("access_token").asText(), body.path("refresh_token").asText()};
  }

  String[] refresh(String refreshToken) throws Exception {
    HttpResponse<String> response = client.refresh("app", refreshToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    return new String[] {body.path("access_token").asText(), body.path("refresh_token").asText()};
  }

  JsonNode getWithBearer(String pathAndQuery, String access) throws Exception {
    HttpResponse<String> response = client.getWithBearer(pathAndQuery, access);
    JsonNode body = JSON.readTree(response.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", response.statusCode());
    return body;
  }

  @Test
  void anyOrganizationGetsItsOwnTokenFamily() throws Exception {
    String[] a = grant("org-a");
    String[] b = grant("org-b");

    assertThat(Set.of(a[0], a[1], b[0], b[1])).hasSize(4);
    assertThat(getWithBearer("/v2/wallets", a[0]).path("_status").asInt()).isEqualTo(200);
    assertThat(getWithBearer("/v2/wallets", b[0]).path("_status").asInt()).isEqualTo(200);
    assertThat(SignedClient.requiredField(client.getToken("other-app", "org-a").body(), "error"))
        .isEqualTo("invalid_client"); // any organization, not any app
    assertThat(cobo.tokenGrants("org-a")).isEqualTo(1);
    assertThat(cobo.tokenGrants("org-b")).isEqualTo(1);
    assertThat(cobo.tokenGrants("org-c")).isZero();
  }

  @Test
  void eachOrganizationRotatesOnItsOwn() throws Exception {
    String[] a1 = grant("org-a");
    String[] b1 = grant("org-b");
    String[] a2 = refresh(a1[1]);
    String[] a3 = refresh(a2[1]);

    assertThat(cobo.tokenRefreshes("org-a")).isEqualTo(2);
    assertThat(cobo.tokenRefreshes("org-b")).isZero();
    // Spending org-a's used refresh token again revokes org-a's family only.
    HttpResponse<String> reuse = client.refresh("app", a1[1]);
    assertThat(SignedClient.requiredField(reuse.body(), "error")).isEqualTo("invalid_grant");
    assertThat(cobo.isAccessTokenValid(a3[0])).isFalse();
    assertThat(cobo.isAccessTokenValid(b1[0])).isTrue();
    String[] b2 = refresh(b1[1]);
    assertThat(cobo.isAccessTokenValid(b2[0])).isTrue();
    assertThat(cobo.tokenRefreshes("org-a")).isEqualTo(2); // the refused one is not counted
    assertThat(cobo.tokenRefreshes("org-b")).isEqualTo(1);
  }

  @Test
  void anOrganizationThatUninstalledIsRefusedAndItsTokensStopWorking() throws Exception {
    String[] a = grant("org-a");
    String[] b = grant("org-b");

    cobo.uninstallApp("app", "org-a");

    HttpResponse<String> regrant = client.getToken("app", "org-a");
    assertThat(regrant.statusCode()).isEqualTo(400);
    assertThat(SignedClient.requiredField(regrant.body(), "error")).isEqualTo("unauthorized_client");
    HttpResponse<String> refreshed = client.refresh("app", a[1]);
    assertThat(refreshed.statusCode()).isEqualTo(400);
    assertThat(SignedClient.requiredField(refreshed.body(), "error")).isEqualTo("invalid_grant");
    assertThat(SignedClient.requiredField(refreshed.body(), "error_description"))
        .isEqualTo("the organization has removed this app");
    JsonNode call = getWithBearer("/v2/wallets", a[0]);
    assertThat(call.path("_status").asInt()).isEqualTo(401);
    assertThat(call.path("error").asText()).isEqualTo("invalid_token");
    assertThat(cobo.isAccessTokenValid(a[0])).isFalse();
    // The other organization is not touched.
    assertThat(getWithBearer("/v2/wallets", b[0]).path("_status").asInt()).isEqualTo(200);
    refresh(b[1]);

    cobo.installApp("app", "org-a"); // installed again: a new family, the old one stays revoked
    String[] again = grant("org-a");
    assertThat(getWithBearer("/v2/wallets", again[0]).path("_status").asInt()).isEqualTo(200);
    assertThat(getWithBearer("/v2/wallets", a[0]).path("_status").asInt()).isEqualTo(401);
    assertThat(client.refresh("app", a[1]).statusCode()).isEqualTo(400);
  }

  @Test
  void anAppRegisteredPerOrganizationCanBeUninstalledAndInstalledAgain() throws Exception {
    TestKeyPair other = TestKeyPair.generate();
    cobo.registerApp("listed-app", "org-x", other.publicKeyHex());
    SignedClient otherClient = new SignedClient(cobo, other, clock);
    assertThat(otherClient.getToken("listed-app", "org-x").statusCode()).isEqualTo(200);
    assertThat(otherClient.getToken("listed-app", "org-y").statusCode()).isEqualTo(400);

    cobo.uninstallApp("listed-app", "org-x");
    assertThat(SignedClient.requiredField(otherClient.getToken("listed-app", "org-x").body(), "error"))
        .isEqualTo("unauthorized_client");
    cobo.installApp("listed-app", "org-y");
    assertThat(otherClient.getToken("listed-app", "org-y").statusCode()).isEqualTo(200);
    cobo.installApp("listed-app", "org-x");
    assertThat(otherClient.getToken("listed-app", "org-x").statusCode()).isEqualTo(200);
  }

  @Test
  void aBearerOfOneOrganizationCannotReadAnothersWallet() throws Exception {
    String a = grant("org-a")[0];
    String b = grant("org-b")[0];

    JsonNode pageA = getWithBearer("/v2/wallets?limit=5", a);
    JsonNode pageB = getWithBearer("/v2/wallets?limit=5", b);
    List<String> idsA = new ArrayList<>();
    for (JsonNode wallet : pageA.path("data")) {
      assertThat(wallet.path("org_id").asText()).isEqualTo("org-a");
      idsA.add(wallet.path("wallet_id").asText());
    }
    for (JsonNode wallet : pageB.path("data")) {
      assertThat(wallet.path("org_id").asText()).isEqualTo("org-b");
      assertThat(idsA).doesNotContain(wallet.path("wallet_id").asText());
    }
    assertThat(idsA).hasSize(5);

    String walletOfA = idsA.get(0);
    JsonNode own = getWithBearer("/v2/wallets/" + walletOfA, a);
    assertThat(own.path("_status").asInt()).isEqualTo(200);
    assertThat(own.path("wallet_id").asText()).isEqualTo(walletOfA);
    assertThat(own.path("org_id").asText()).isEqualTo("org-a");

    JsonNode leak = getWithBearer("/v2/wallets/" + walletOfA, b);
    assertThat(leak.path("_status").asInt()).isEqualTo(404);
    assertThat(leak.path("error_code").asInt()).isEqualTo(2028);
    assertThat(leak.path("error_message").asText()).contains(walletOfA).doesNotContain("org-a");

    // An ID the emulator did not make for an organization is answered as before, for whoever asks.
    String foreign = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    JsonNode anyone = getWithBearer("/v2/wallets/" + foreign, b);
    assertThat(anyone.path("_status").asInt()).isEqualTo(200);
    assertThat(anyone.path("org_id").asText()).isEqualTo("org-b");
  }

  /** 1,000 organizations of one app, four at a time, each its own grant. */
  @Test
  void aThousandOrganizationsEachGetAToken() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<String>> tokens = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        String orgId = "org-" + i;
        tokens.add(callers.submit(() -> grant(orgId)[0]));
      }
      Set<String> distinct = new HashSet<>();
      for (Future<String> token : tokens) {
        distinct.add(token.get(60, TimeUnit.SECONDS));
      }
      assertThat(distinct).hasSize(1000);
    } finally {
      callers.shutdownNow();
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(cobo.tokenGrants("org-" + i)).as("org-" + i).isEqualTo(1);
    }
    assertThat(cobo.isAccessTokenValid(tokens.get(999).get())).isTrue();
  }
}
