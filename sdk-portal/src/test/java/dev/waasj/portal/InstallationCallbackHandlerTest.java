package dev.waasj.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.ReauthorizationRequiredException;
import dev.waasj.client.CoboClient;
import dev.waasj.portal.InstallationOutcome.Kind;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.InstallationDelivery;
import dev.waasj.testkit.TestKeyPair;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The installation callback over real HTTP: the emulator, as Cobo Portal, calls an app's callback URL (a JDK HTTP
 * server on loopback handing the raw query to the handler), and the handler gets tokens from the emulator.
 */
class InstallationCallbackHandlerTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static CoboEmulator cobo;
  static HttpServer app;
  static final AtomicReference<InstallationCallbackHandler> HANDLER = new AtomicReference<>();

  CoboClient client;
  InMemoryTokenStore store;
  final List<String> heard = new CopyOnWriteArrayList<>();
  URI callback;

  @BeforeAll
  static void start() throws Exception {
    cobo = CoboEmulator.builder().withoutSpec().registerApp("app", "seed-org", APP.publicKeyHex()).start();
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    app.createContext("/cobo/installed", exchange -> {
      try (exchange) {
        InstallationAnswer answer = HANDLER.get().handleQuery(exchange.getRequestURI().getRawQuery());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop(0);
    cobo.close();
  }

  @BeforeEach
  void newApp() {
    store = new InMemoryTokenStore();
    client = CoboClient.builder().baseUrl(cobo.baseUrl()).serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(APP.seedHex()).clientId("app").tokenStore(store).build();
    handler(Duration.ofSeconds(10));
    callback = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/cobo/installed");
  }

  void handler(Duration minRegrant) {
    HANDLER.set(InstallationCallbackHandler.builder(client).minRegrantInterval(minRegrant)
        .listener(new InstallationListener() {
          @Override
          public void installed(String orgId, boolean firstTime) {
            heard.add("installed " + orgId + " " + firstTime);
          }

          @Override
          public void rejected(String orgId) {
            heard.add("rejected " + orgId);
          }

          @Override
          public void refused(String orgId) {
            heard.add("refused " + orgId);
          }
        }).build());
  }

  static String org(String name) {
    return name + "-" + System.nanoTime(); // the emulator is shared: every test its own organizations
  }

  @Test
  void anApprovedInstallationStoresTheOrganizationsTokenAtOnceAndReportsIt() {
    String org = org("a");
    InstallationDelivery delivery = cobo.portal().install("app", org, callback);

    assertThat(delivery.status()).isEqualTo(200);
    assertThat(delivery.body()).isEqualTo("{\"success\":true}");
    assertThat(cobo.tokenGrants(org)).isEqualTo(1);
    OrgToken stored = store.load("app", org);
    assertThat(stored).isNotNull();
    assertThat(cobo.isAccessTokenValid(stored.accessToken())).isTrue();
    assertThat(heard).containsExactly("installed " + org + " true");
    assertThat(PortalOrganizations.of(client).isInstalled(org)).isTrue();
    // The organization's manager serves that token: no second grant.
    assertThat(client.organization(org).tokens().token()).isEqualTo(stored);
    assertThat(cobo.tokenGrants(org)).isEqualTo(1);
  }

  @Test
  void aForgedCallbackForAnOrganizationThatNeverApprovedStoresNothingAndSaysSo() {
    String org = org("forged");
    InstallationDelivery delivery =
        cobo.portal().deliverInstallationCallback(callback, "org_id=" + org + "&approval_result=1");

    assertThat(delivery.status()).isEqualTo(403);
    assertThat(delivery.body()).isEqualTo("{\"success\":false,\"error\":\"not_authorized\"}");
    assertThat(store.load("app", org)).isNull();
    assertThat(store.organizations("app")).isEmpty();
    assertThat(heard).containsExactly("refused " + org);
    assertThat(PortalOrganizations.of(client).isInstalled(org)).isFalse();
  }

  @Test
  void aRejectedInstallationIsReportedAndStoresNothing() {
    String org = org("rejected");
    InstallationDelivery delivery = cobo.portal().reject(org, callback);

    assertThat(delivery.status()).isEqualTo(200);
    assertThat(store.organizations("app")).isEmpty();
    assertThat(cobo.tokenGrants(org)).isZero();
    assertThat(heard).containsExactly("rejected " + org);
  }

  @Test
  void aRepeatedCallbackIsIdempotentAndCostsOneGrant() {
    String org = org("repeat");
    cobo.portal().install("app", org, callback);
    OrgToken first = store.load("app", org);
    InstallationDelivery again = cobo.portal().install("app", org, callback);

    assertThat(again.status()).isEqualTo(200);
    assertThat(cobo.tokenGrants(org)).isEqualTo(1);
    assertThat(store.load("app", org)).isEqualTo(first);
    assertThat(store.organizations("app")).containsExactly(org);
  }

  @Test
  void aCallbackAfterAPermissionChangeReplacesTheTokenWithANewGrantThatTheManagerServes() {
    handler(Duration.ZERO); // a person's approval comes minutes later: every callback is a new grant
    String org = org("perm");
    cobo.portal().install("app", org, callback);
    OrgToken old = client.organization(org).tokens().token(); // held in the manager's memory

    InstallationDelivery changed = cobo.portal().install("app", org, callback);

    assertThat(changed.status()).isEqualTo(200);
    assertThat(cobo.tokenGrants(org)).isEqualTo(2);
    assertThat(cobo.tokenRefreshes(org)).isZero(); // a new grant, not a refresh of the old token
    OrgToken replaced = store.load("app", org);
    assertThat(replaced.accessToken()).isNotEqualTo(old.accessToken());
    assertThat(client.organization(org).tokens().token().accessToken()).isEqualTo(replaced.accessToken());
    assertThat(heard).containsExactly("installed " + org + " true", "installed " + org + " false");
  }

  @Test
  void anOrganizationThatUninstalledAndInstalledAgainIsServedAtOnce() {
    handler(Duration.ZERO);
    String org = org("again");
    cobo.portal().install("app", org, callback);
    client.organization(org).tokens().token();
    cobo.portal().uninstall("app", org);
    assertThatThrownBy(() -> client.organization(org).tokens().refresh())
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(PortalOrganizations.of(client).isInstalled(org)).isFalse();

    assertThat(cobo.portal().install("app", org, callback).status()).isEqualTo(200);

    assertThat(client.organization(org).tokens().reauthorizationRequired()).isFalse();
    String served = client.organization(org).tokens().token().accessToken();
    assertThat(cobo.isAccessTokenValid(served)).isTrue();
    assertThat(PortalOrganizations.of(client).isInstalled(org)).isTrue();
  }

  static Stream<String> badCallbacks() {
    return Stream.of(
        "",
        "approval_result=1",
        "org_id=&approval_result=1",
        "org_id=o1&org_id=o2&approval_result=1",
        "org_id=o1",
        "org_id=o1&approval_result=yes",
        "org_id=o1&approval_result=1&approval_result=1",
        "org_id=o1&approval_result=-1",
        "org_id=o%0Ax&approval_result=1",
        "org_id=o%00x&approval_result=1",
        "org_id=%20o1&approval_result=1",
        "org_id=%zz&approval_result=1", // no HTTP client sends this: the handler alone sees it
        "org_id=" + "SECRET".repeat(22) + "&approval_result=1");
  }

  @Test
  void aVerifiedUserReachesItsOwnInstalledOrganizationOnlyAndNoOther() {
    String a = org("link-a");
    String b = org("link-b");
    cobo.portal().install("app", a, callback);
    UserInfoTokenVerifier verifier =
        UserInfoTokenVerifier.builder(client).issuer(cobo.portal().issuer()).build();
    PortalOrganizations organizations = PortalOrganizations.of(client);

    PortalUser ofA = verifier.verify(cobo.portal().userInfoToken("app", a, "ann", "ann@example.com", "Viewer"));
    assertThat(organizations.organization(ofA).orgId()).isEqualTo(a);
    assertThat(organizations.organization(ofA).tokens().token()).isEqualTo(store.load("app", a));

    PortalUser ofB = verifier.verify(cobo.portal().userInfoToken("app", b, "bob", "bob@example.com", "Admin"));
    OrganizationNotInstalledException notInstalled = catchThrowableOfType(
        OrganizationNotInstalledException.class, () -> organizations.organization(ofB));
    assertThat(notInstalled.orgId()).isEqualTo(b);
    assertThat(cobo.tokenGrants(b)).isZero(); // refused before anything was asked of Cobo
    assertThat(organizations.installed()).contains(a).doesNotContain(b);
  }

  @ParameterizedTest
  @MethodSource("badCallbacks")
  void badCallbacksAreRefusedTypedWithNothingAskedNothingStoredAndNothingQuoted(String query) {
    InstallationAnswer answer = HANDLER.get().handleQuery(query);
    assertThat(answer.outcome().kind()).isEqualTo(Kind.INVALID);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.outcome().orgId()).isEmpty();
    assertThat(answer.outcome().message()).doesNotContain("SECRET", "o1", "o2", "yes", "%", "\n");
    if (!query.contains("%zz")) {
      InstallationDelivery delivery = cobo.portal().deliverInstallationCallback(callback, query);
      assertThat(delivery.status()).isEqualTo(400);
      assertThat(delivery.body()).startsWith("{\"success\":false,\"error\":\"invalid_request\",\"message\":\"")
          .doesNotContain("SECRET", "o1", "o2", "yes", "%");
    }
    assertThat(store.organizations("app")).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void anOversizedQueryIsRefusedWithoutReadingIt() {
    InstallationAnswer answer = HANDLER.get().handleQuery("org_id=o1&approval_result=1&pad=" + "x".repeat(3000));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.outcome().message()).contains("longer than 2048").doesNotContain("xxx");
  }
}
