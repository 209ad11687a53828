package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.testkit.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-call options on real HTTP against the emulator (which checks every signature): deadlines, retries, headers
 * and query parameters of a view, while the client's own calls keep the client's settings; every retry wait is
 * recorded by the test's sleeper, which sleeps for none of them.
 */
class RequestOptionsTest {
  static final TestKeyPair APP = TestKeyPair.generate();

  CoboEmulator cobo;
  CoboClient client;
  final List<Long> waits = new CopyOnWriteArrayList<>();
  final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    cobo = CoboEmulator.builder().registerApp("app", "org", APP.publicKeyHex()).listSize(5).start();
    client = builder().build();
    client.tokens().accessToken(); // the grant out of the way: what follows are the calls under test
    cobo.clearRequests();
    heard.clear();
  }

  @AfterEach
  void stop() {
    client.close();
    cobo.close();
  }

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .clientId("app")
        .orgId("org")
        .listener(
            new CoboListener() {
              @Override
              public CallListener callStarted(CallStart call) {
                heard.add(call.toString());
                return new CallListener() {
                  @Override
                  public void attemptFinished(AttemptOutcome attempt) {
                    heard.add(attempt.toString());
                  }
                };
              }
            })
        .sleeper((millis, call) -> waits.add(millis));
  }

  List<RecordedExchange> walletCalls() {
    return cobo.requests().stream().filter(r -> r.path().endsWith("/wallets")).collect(Collectors.toList());
  }

  @Test
  void aViewsCallTimeoutBoundsASlowCallWhileTheClientItselfWaits() throws Exception {
    cobo.enqueueFault("GET", "/wallets", Fault.latency(Duration.ofSeconds(5)), 2);
    TestApi fast =
        client.withOptions(RequestOptions.builder().callTimeout(Duration.ofSeconds(2)).build()).api(TestApi.class);
    CompletableFuture<Map<String, Object>> patient =
        CompletableFuture.supplyAsync(() -> client.api(TestApi.class).listWallets());

    assertThatThrownBy(fast::listWallets).isInstanceOf(CoboTransportException.class);
    assertThat(patient.get(30, TimeUnit.SECONDS)).containsKey("data"); // no deadline: it waited the 5 s out
  }

  @Test
  void retriesAndTheirWaitsCountInsideTheCallTimeout() {
    cobo.enqueueFault(Fault.serverError(503), 3);
    TestApi bounded =
        client.withOptions(RequestOptions.builder().callTimeout(Duration.ofMillis(1_500)).build()).api(TestApi.class);

    assertThatThrownBy(bounded::listWallets).isInstanceOf(CoboApiException.class);
    // 503, wait about 1 s (fits in 1.5 s), 503, a wait of about 2 s would cross the deadline: not started
    assertThat(walletCalls()).hasSize(2);
    assertThat(waits).hasSize(1);

    cobo.clearRequests();
    cobo.clearFaults();
    cobo.enqueueFault(Fault.serverError(503), 2);
    assertThat(client.api(TestApi.class).listWallets()).containsKey("data"); // the client's own: 3 attempts
    assertThat(walletCalls()).hasSize(3);
  }

  @Test
  void maxRetriesZeroOnAViewSurfacesA503AfterOneAttemptSyncAsyncAndPaged() {
    RequestOptions once = RequestOptions.builder().maxRetries(0).build();
    TestApi view = client.withOptions(once).api(TestApi.class);

    cobo.enqueueFault(Fault.serverError(503));
    assertThatThrownBy(view::listWallets).isInstanceOf(CoboApiException.class);
    cobo.enqueueFault(Fault.serverError(503));
    assertThatThrownBy(() -> view.listWalletsAsync().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CoboApiException.class);
    cobo.enqueueFault(Fault.serverError(503));
    assertThatThrownBy(() -> view.listWalletsAll(2).stream().count()).isInstanceOf(CoboApiException.class);
    assertThat(walletCalls()).hasSize(3);
    assertThat(waits).isEmpty();
    assertThat(heard.stream().filter(e -> e.contains("AttemptOutcome"))).hasSize(3); // listeners: attempts made

    cobo.clearRequests();
    cobo.enqueueFault(Fault.serverError(503));
    assertThat(client.api(TestApi.class).listWallets()).containsKey("data"); // the client's default still retries
    assertThat(walletCalls()).hasSize(2);
  }

  @Test
  void extraHeadersArriveOnEveryAttemptAndEveryPage() {
    RequestOptions traced = RequestOptions.builder().header("X-Trace-Id", "trace-42").build();
    TestApi view = client.withOptions(traced).api(TestApi.class);

    cobo.enqueueFault(Fault.serverError(503));
    view.listWallets(); // a 503, then the retry
    view.listWalletsAsync().join();
    assertThat(view.listWalletsAll(2).stream().count()).isEqualTo(5); // three pages

    assertThat(walletCalls()).hasSize(6)
        .allSatisfy(r -> assertThat(r.header("X-Trace-Id")).contains("trace-42"));
    assertThat(heard).isNotEmpty().noneMatch(e -> e.contains("trace-42")); // never in what listeners hear

    cobo.clearRequests();
    client.api(TestApi.class).listWallets();
    assertThat(walletCalls()).singleElement().satisfies(r -> assertThat(r.header("X-Trace-Id")).isEmpty());
  }

  @Test
  void extraQueryParametersAreSignedAndSent() {
    TestApi view =
        client.withOptions(RequestOptions.builder().queryParameter("limit", "2").build()).api(TestApi.class);

    @SuppressWarnings("unchecked")
    List<Object> page = (List<Object>) view.listWallets().get("data");

    assertThat(page).hasSize(2); // the server read the parameter...
    assertThat(walletCalls()).singleElement().satisfies(r -> {
      assertThat(r.query()).isEqualTo("limit=2");
      assertThat(r.verdict()).isEqualTo(Verdict.ACCEPTED); // ...from a request whose signature covers it
    });
  }

  @Test
  void organizationViewsTakeOptionsTooAndOptionsLayer() {
    try (CoboClient app = builder().build()) {
      app.tokens().accessToken();
      cobo.clearRequests();
      CoboOrganization org =
          app.organization("org")
              .withOptions(RequestOptions.builder().header("X-A", "1").maxRetries(0).build())
              .withOptions(RequestOptions.builder().header("X-B", "2").build());
      assertThat(org.options().header("X-A")).contains("1");
      assertThat(org.options().maxRetries()).hasValue(0);

      cobo.enqueueFault(Fault.serverError(503));
      assertThatThrownBy(() -> org.api(TestApi.class).listWallets()).isInstanceOf(CoboApiException.class);
      assertThat(walletCalls()).singleElement().satisfies(r -> {
        assertThat(r.header("X-A")).contains("1");
        assertThat(r.header("X-B")).contains("2");
      });
    }
  }

  @Test
  void viewsCostNoIoAndShareTheConnectionPool() {
    for (int i = 0; i < 100; i++) {
      client.withOptions(RequestOptions.builder().header("X-N", Integer.toString(i)).build()).apis();
    }
    assertThat(cobo.requests()).isEmpty();
    for (int i = 0; i < 30; i++) {
      client.withOptions(RequestOptions.builder().header("X-N", Integer.toString(i)).build())
          .api(TestApi.class).listWallets();
    }
    assertThat(client.httpClient().connectionPool().connectionCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void whatMayNotBeOverriddenIsRefusedWhenTheOptionsAreBuilt() {
    for (String reserved : List.of("BIZ-API-KEY", "biz-api-nonce", "Biz-Api-Signature", "Authorization", "Host",
        "content-length")) {
      assertThatThrownBy(() -> RequestOptions.builder().header(reserved, "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(reserved);
    }
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Ok", "secret-value\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> RequestOptions.builder().header("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Null", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().queryParameter(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().queryParameter("a", "b\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(RequestOptions.builder().header("X-Api-Token", "hunter2").build().toString())
        .contains("X-Api-Token").doesNotContain("hunter2");
  }
}
