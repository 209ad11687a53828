package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.ReauthorizationRequiredException;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One client for an app, a view per organization: each call carries its own organization's token (sync, async and
 * every page of a pager), managers are per organization and shared by views, refusals stay with their organization,
 * and a bounded registry drops idle managers without losing tokens. All against the emulator on loopback.
 */
class OrganizationViewsTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final int ORGS = 1000;

  CoboEmulator cobo;
  CoboClient client;

  @BeforeEach
  void start() {
    CoboEmulator.Builder emulator = CoboEmulator.builder().listSize(7);
    for (int i = 0; i < ORGS; i++) {
      emulator.registerApp("app", org(i), APP.publicKeyHex());
    }
    cobo = emulator.start();
    client = app().build();
  }

  @AfterEach
  void stop() {
    client.close();
    cobo.close();
  }

  static String org(int i) {
    return "org-" + i;
  }

  CoboClient.Builder app() {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .clientId("app")
        .sleeper((millis, call) -> {});
  }

  /** Runs {@code action} for every organization on 8 threads, and rethrows the first failure. */
  static void onEveryOrganization(java.util.function.IntConsumer action) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < ORGS; i++) {
        int index = i;
        calls.add(CompletableFuture.runAsync(() -> action.accept(index), pool));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
    } finally {
      pool.shutdownNow();
    }
  }

  List<RecordedExchange> tokenRequests() {
    return cobo.requests().stream().filter(r -> r.path().endsWith("/oauth/token")).collect(Collectors.toList());
  }

  @Test
  void everyCallOfAViewCarriesItsOrganizationsToken() {
    for (String orgId : List.of(org(0), org(1))) {
      TestApi api = client.organization(orgId).api(TestApi.class);
      cobo.clearRequests();

      api.listWallets();
      api.listWalletsAsync().join();
      assertThat(api.listWalletsAll(2).stream().count()).isEqualTo(7); // four pages, each through the view

      String bearer = "Bearer " + client.organization(orgId).tokens().peek().accessToken();
      List<RecordedExchange> calls =
          cobo.requests().stream().filter(r -> r.path().endsWith("/wallets")).collect(Collectors.toList());
      assertThat(calls).hasSize(6);
      assertThat(calls).allSatisfy(r -> assertThat(r.header("Authorization")).contains(bearer));
    }
    assertThat(client.organization(org(0)).tokens().peek().accessToken())
        .isNotEqualTo(client.organization(org(1)).tokens().peek().accessToken());
  }

  /** Many threads, two organizations, calls interleaved: the query names the org, the bearer must match it. */
  @Test
  void interleavedCallsOfTwoOrganizationsNeverCarryEachOthersToken() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int orgIndex = i % 2;
        String call = orgIndex + "-" + i;
        calls.add(
            CompletableFuture.runAsync(
                () -> client.organization(org(orgIndex)).api(TestApi.class).listWalletsTagged(call).join(), pool));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    Map<Integer, String> bearers =
        Map.of(
            0, "Bearer " + client.organization(org(0)).tokens().peek().accessToken(),
            1, "Bearer " + client.organization(org(1)).tokens().peek().accessToken());
    List<RecordedExchange> walletCalls =
        cobo.requests().stream().filter(r -> r.path().endsWith("/wallets")).collect(Collectors.toList());
    assertThat(walletCalls).hasSize(400);
    for (RecordedExchange r : walletCalls) {
      int orgIndex = Integer.parseInt(r.header("X-Test-Call").orElseThrow().split("-")[0]);
      assertThat(r.header("Authorization")).contains(bearers.get(orgIndex));
    }
    assertThat(tokenRequests()).hasSize(2); // one grant per organization
  }

  @Test
  void aBurstOverManyOrganizationsMakesOneGrantPerOrganization() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < ORGS; i++) {
          String orgId = org(i);
          calls.add(
              CompletableFuture.runAsync(() -> client.organization(orgId).api(TestApi.class).listWallets(), pool));
        }
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    List<RecordedExchange> grants = tokenRequests();
    assertThat(grants).hasSize(ORGS);
    assertThat(grants.stream().map(RecordedExchange::query).distinct()).hasSize(ORGS); // each org exactly once
    assertThat(client.tokenManagers().cachedOrganizations()).hasSize(ORGS);
  }

  @Test
  void tokenManagersArePerOrganizationAndSharedByItsViews() {
    OrgTokenManager a = client.organization(org(0)).tokens();
    assertThat(client.organization(org(0)).tokens()).isSameAs(a);
    assertThat(client.organization(org(1)).tokens()).isNotSameAs(a);
    assertThat(a.orgId()).isEqualTo(org(0));
    assertThat(a.clientId()).isEqualTo("app");
  }

  @Test
  void gettingViewsSendsNothingAndCallsShareOneConnectionPool() {
    for (int i = 0; i < ORGS; i++) {
      client.organization(org(i)).apis();
    }
    assertThat(cobo.requests()).isEmpty();

    for (int i = 0; i < 50; i++) {
      client.organization(org(i)).api(TestApi.class).listWallets();
    }
    assertThat(client.httpClient().connectionPool().connectionCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void anOrganizationWithoutTheAppFailsAloneAndIsNotAskedAgainUntilCleared() {
    List<String> heard = new CopyOnWriteArrayList<>();
    try (CoboClient listening =
        app()
            .listener(
                new CoboListener() {
                  @Override
                  public void reauthorizationRequired(String orgId) {
                    heard.add(orgId);
                  }
                })
            .build()) {
      TestApi gone = listening.organization("org-without-the-app").api(TestApi.class);
      TestApi working = listening.organization(org(0)).api(TestApi.class);
      working.listWallets();

      assertThatThrownBy(gone::listWallets)
          .isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("org-without-the-app");
      int asked = tokenRequests().size();
      int sent = cobo.requests().size();
      for (int i = 0; i < 20; i++) {
        assertThatThrownBy(gone::listWallets).isInstanceOf(ReauthorizationRequiredException.class);
        assertThatThrownBy(() -> gone.listWalletsAsync().join())
            .hasCauseInstanceOf(ReauthorizationRequiredException.class);
      }
      assertThat(cobo.requests()).as("nothing sent for a refused organization").hasSize(sent);
      working.listWallets(); // the other organization is untouched
      assertThat(heard).containsExactly("org-without-the-app");
      assertThat(listening.organization("org-without-the-app").tokens().reauthorizationRequired()).isTrue();

      listening.organization("org-without-the-app").tokens().clearReauthorizationRequired();
      assertThatThrownBy(gone::listWallets).isInstanceOf(ReauthorizationRequiredException.class);
      assertThat(tokenRequests()).hasSize(asked + 1); // asked once more after the clear
    }
  }

  /** One organization removes the app: it alone fails, typed, and is not asked again; the 999 others carry on. */
  @Test
  void anOrganizationThatRemovedTheAppFailsAloneAndItsCallsSendNothing() {
    onEveryOrganization(i -> client.organization(org(i)).api(TestApi.class).listWallets());
    cobo.uninstallApp("app", org(5)); // its tokens are revoked, its refresh and new grants refused

    assertThatThrownBy(() -> client.organization(org(5)).api(TestApi.class).listWallets())
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining(org(5));
    int sent = cobo.requests().size();
    for (int i = 0; i < 50; i++) {
      assertThatThrownBy(() -> client.organization(org(5)).api(TestApi.class).listWallets())
          .isInstanceOf(ReauthorizationRequiredException.class);
    }
    assertThat(cobo.requests()).hasSize(sent);
    onEveryOrganization(
        i -> {
          if (i != 5) {
            assertThat(client.organization(org(i)).api(TestApi.class).listWallets()).containsKey("data");
          }
        });
    assertThat(tokenRequests()).hasSize(ORGS + 2); // the grants, then org 5's refused refresh and refused grant
  }

  @Test
  void aBoundedRegistryDropsIdleManagersButNotTheirTokens() {
    try (CoboClient bounded = app().maxCachedOrganizations(20).build()) {
      for (int i = 0; i < 60; i++) {
        bounded.organization(org(i)).api(TestApi.class).listWallets();
      }
      assertThat(bounded.tokenManagers().cachedOrganizations().size()).isLessThanOrEqualTo(20);
      for (int i = 0; i < 60; i++) {
        bounded.organization(org(i)).api(TestApi.class).listWallets(); // dropped ones read their token back
      }
      assertThat(tokenRequests()).hasSize(60);
      assertThat(bounded.tokenManagers().organizations()).hasSize(60); // the store knows every one
    }
  }

  @Test
  void badOrganizationIdsAreRefusedBeforeAnythingIsSent() {
    for (String bad : new String[] {null, "", "   ", "x".repeat(129), "org\n1", "org\u00001"}) {
      assertThatThrownBy(() -> client.organization(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("orgId");
    }
    assertThat(client.organization("x".repeat(128)).orgId()).hasSize(128);
    assertThat(cobo.requests()).isEmpty();
  }

  @Test
  void aViewNeedsAnAppAndTheClientsOwnOrganization() {
    try (CoboClient direct =
        CoboClient.builder().baseUrl(cobo.baseUrl()).serverPublicKey(cobo.serverPublicKeyHex())
            .apiSecret(APP.seedHex()).build()) {
      assertThatThrownBy(() -> direct.organization(org(0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("clientId");
    }
    try (CoboClient single = app().orgId(org(0)).build()) {
      assertThat(single.organization(org(0)).tokens()).isSameAs(single.tokens());
      assertThatThrownBy(() -> single.organization(org(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(org(0))
          .hasMessageContaining("no orgId");
    }
    assertThatThrownBy(() -> client.tokens())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("organization(orgId)");
  }

  /**
   * The emulator scopes wallets to the bearer's organization: a wallet listed for one organization is found through
   * its view and not through another's, so a bearer crossing over would show as a 404.
   */
  @Test
  void aWalletOfOneOrganizationIsFoundThroughItsViewOnly() {
    TestApi a = client.organization(org(0)).api(TestApi.class);
    TestApi b = client.organization(org(1)).api(TestApi.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = (List<Map<String, Object>>) a.listWallets().get("data");
    String walletOfA = (String) listed.get(0).get("wallet_id");

    assertThat(a.getWallet(walletOfA)).containsEntry("wallet_id", walletOfA);
    assertThatThrownBy(() -> b.getWallet(walletOfA)).isInstanceOf(dev.waasj.errors.NotFoundException.class);
  }

  /** Not public, as an application's own interface may be: the view must still reach the shared service. */
  interface PackagePrivateApi {
    @retrofit2.http.GET("wallets")
    Map<String, Object> listWallets();
  }

  @Test
  void aViewServesAnInterfaceThatIsNotPublic() {
    assertThat(client.organization(org(0)).api(PackagePrivateApi.class).listWallets()).containsKey("data");
    assertThat(cobo.requests()).filteredOn(r -> r.path().endsWith("/wallets")).hasSize(1);
  }

  @Test
  void theClientsOwnCallsOfAnAppClientCarryNoToken() {
    client.api(TestApi.class).getToken("app", org(0), "org_implicit");
    assertThat(cobo.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    assertThat(IntStream.range(0, 1).count()).isEqualTo(1);
  }
}
