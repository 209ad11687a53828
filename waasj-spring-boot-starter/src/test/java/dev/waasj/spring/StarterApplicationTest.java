package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.client.CoboClient;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.generated.CoboApis;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryAttempt;
import dev.waasj.testkit.DeliveryOptions;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.webhooks.CoboWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Spring Boot application on a random port against the emulator: beans built from properties call an
 * operation; the emulator delivers signed webhooks and callbacks over HTTP to the auto-configured endpoints; the
 * health, env and configprops endpoints answer; metrics and observations carry the documented names and tags. One
 * context for all of it, run on Boot 3.5 here and on Boot 4.0 by spring-boot4-tests.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cobo.client-id=app",
      "cobo.org-id=org",
      "cobo.retry.initial-backoff=1ms",
      "cobo.retry.max-backoff=20ms",
      "cobo.webhooks.path=/cobo/webhooks",
      "cobo.callbacks.path=/cobo/callbacks",
      "management.endpoints.web.exposure.include=health,env,configprops",
      "management.endpoint.health.show-details=always",
      "management.endpoint.health.probes.enabled=true",
      "management.endpoint.health.group.readiness.include=readinessState,cobo",
      "management.endpoint.env.show-values=always",
      "management.endpoint.configprops.show-values=always"
    })
class StarterApplicationTest {
  static final TestKeyPair KEY = TestKeyPair.generate();
  static final CoboEmulator COBO = CoboEmulator.builder().registerApp("app", "org", KEY.publicKeyHex()).start();
  static final DeliveryOptions FAST = DeliveryOptions.compressed(Duration.ofMillis(5));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void cobo(DynamicPropertyRegistry registry) {
    registry.add("cobo.base-url", COBO::baseUrl);
    registry.add("cobo.server-public-key", COBO::serverPublicKeyHex);
    registry.add("cobo.api-secret", KEY::seedHex);
  }

  @AfterAll
  static void stopEmulator() {
    COBO.close();
  }

  @Value("${local.server.port}")
  int port;

  @Autowired CoboClient client;
  @Autowired CoboApis apis;
  @Autowired OrgTokenManager tokens;
  @Autowired CoboWebhooks webhooks;
  @Autowired InMemoryTokenStore applicationStore;
  @Autowired TestApplication.Handlers handlers;
  @Autowired TestApplication.Operations operations;
  @Autowired MeterRegistry meters;
  @Autowired TestObservationRegistry observations;

  @AfterEach
  void clearFaults() {
    COBO.clearFaults();
  }

  @Test
  void runsOnTheBootLineThisModuleStandsFor() {
    assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("waasj.expected.boot", "?") + ".");
  }

  @Test
  void beansBuiltFromPropertiesCallAnOperationWithTheApplicationsTokenStoreAndListener() {
    assertThat(client.api(TestWallets.class).listWallets()).containsKey("data");

    assertThat(apis).isSameAs(client.apis());
    assertThat(tokens).isSameAs(client.tokens());
    assertThat(applicationStore.load("app", "org")).as("the org token, saved in the application's store")
        .isNotNull();
    assertThat(operations.started).contains("TestWallets.listWallets");
  }

  @Test
  void webhookEventsDeliveredOverHttpRunTheApplicationsHandlerOncePerEvent() {
    String event = COBO.webhookEvent(COBO.webhookDataTypes().get(0));
    double handled = timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "handled");
    double failed = timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "handler_failed");
    double seenAgain = timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "already_handled");
    handlers.failNext.set(1);

    Delivery first = COBO.deliverWebhook(url("/cobo/webhooks"), event, FAST);
    Delivery again = COBO.deliverWebhook(url("/cobo/webhooks"), event,
        DeliveryOptions.builder().backoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5)).duplicates(2)
            .build());

    assertThat(first.succeeded()).isTrue();
    assertThat(first.attempts()).extracting(DeliveryAttempt::status).containsExactly(500, 200);
    assertThat(again.succeeded()).isTrue();
    String eventId = handlers.events.get(handlers.events.size() - 1);
    assertThat(event).contains(eventId);
    assertThat(handlers.events).filteredOn(eventId::equals).hasSize(1);
    assertThat(timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "handled") - handled)
        .isEqualTo(1);
    assertThat(timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "handler_failed") - failed)
        .isEqualTo(1);
    assertThat(timerCount("cobo.webhooks.deliveries", "kind", "event", "outcome", "already_handled") - seenAgain)
        .isEqualTo(again.attempts().size());
  }

  @Test
  void aForgedEventIsRefusedAndNeverReachesTheHandler() {
    int before = handlers.events.size();
    double refused = count("cobo.webhooks.verification.failures", "kind", "event", "reason", "invalid");

    Delivery forged = COBO.deliverWebhook(url("/cobo/webhooks"), COBO.webhookEvent(COBO.webhookDataTypes().get(0)),
        DeliveryOptions.builder().maxAttempts(1).forgeSignature(true).build());

    assertThat(forged.succeeded()).isFalse();
    assertThat(forged.attempts()).extracting(DeliveryAttempt::status).containsExactly(401);
    assertThat(handlers.events).hasSize(before);
    assertThat(count("cobo.webhooks.verification.failures", "kind", "event", "reason", "invalid") - refused)
        .isEqualTo(1);
  }

  @Test
  void callbacksAreAnsweredExactlyAsCoboReadsThem() {
    String callback = COBO.callbackTransaction();

    Delivery delivery = COBO.deliverCallback(url("/cobo/callbacks"), callback, FAST);

    assertThat(delivery.decision()).hasValue("ok");
    DeliveryAttempt answer = delivery.attempts().get(delivery.attempts().size() - 1);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    assertThat(answer.contentType()).startsWith("text/plain");
    assertThat(handlers.callbacks).isNotEmpty();
    assertThat(timerCount("cobo.webhooks.deliveries", "kind", "callback", "outcome", "handled", "decision", "approve"))
        .isPositive();
    assertThat(Search.in(meters).name("cobo.webhooks.deliveries").tag("kind", "callback").timers())
        .as("a callback has no event type, whatever its transaction's type").isNotEmpty()
        .allSatisfy(t -> assertThat(t.getId().getTag("type")).isEqualTo("none"));
  }

  /**
   * Health says whether the SDK can work, not what the last call did: one forged answer keeps it UP (a probe acting
   * on it would let anyone who can corrupt one response restart or unready the application); {@value
   * CoboActivity#FAILURES_DOWN} failures among the last {@value CoboActivity#WINDOW} calls turn it DOWN, in the
   * readiness group as the README configures it and never in liveness; successes bring it back.
   */
  @Test
  void oneBadSignatureKeepsHealthUpASustainedRunTurnsItDownAndSuccessesBringItBack() throws Exception {
    for (int i = 0; i < CoboActivity.WINDOW; i++) {
      client.api(TestWallets.class).listWallets(); // a window of successes, whatever other tests did before
    }
    int requests = COBO.requests().size();

    HttpResponse<String> up = get("/actuator/health/cobo");

    assertThat(COBO.requests()).as("health calls no one").hasSize(requests);
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"orgToken\":\"valid\"")
        .contains("\"lastCall\":\"TestWallets.listWallets success 200\"").contains("\"recentFailures\":0")
        .doesNotContain(tokens.accessToken());

    failWithABadSignature();
    assertThat(get("/actuator/health/cobo").body()).contains("\"status\":\"UP\"")
        .contains("TestWallets.listWallets signature_failure ResponseSignatureException")
        .contains("\"recentFailures\":1");
    for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
      assertThat(get(path).statusCode()).as("%s after one forged answer", path).isEqualTo(200);
    }

    for (int i = 1; i < CoboActivity.FAILURES_DOWN - 1; i++) {
      failWithABadSignature();
    }
    assertThat(get("/actuator/health/cobo").statusCode()).as("one failure short of the threshold").isEqualTo(200);
    failWithABadSignature();
    HttpResponse<String> down = get("/actuator/health/cobo");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"status\":\"DOWN\"")
        .contains("\"recentFailures\":" + CoboActivity.FAILURES_DOWN);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
    assertThat(get("/actuator/health/liveness").statusCode()).as("never liveness").isEqualTo(200);

    for (int i = 0; i < CoboActivity.WINDOW - CoboActivity.FAILURES_DOWN; i++) {
      client.api(TestWallets.class).listWallets(); // pushes the older successes out of the window first
    }
    assertThat(get("/actuator/health/cobo").statusCode()).isEqualTo(503);
    client.api(TestWallets.class).listWallets();
    assertThat(get("/actuator/health/cobo").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  private void failWithABadSignature() {
    COBO.enqueueFault(Fault.wrongKeySignature());
    assertThatThrownBy(() -> client.api(TestWallets.class).listWallets())
        .isInstanceOf(ResponseSignatureException.class);
  }

  @Test
  void aCallARetryAndARefreshAreRecordedWithTheDocumentedNamesAndTags() {
    tokens.accessToken();
    double calls = timerCount("cobo.client.requests", "operation", "TestWallets.listWallets", "method", "GET",
        "outcome", "success", "status", "200", "error.code", "none", "exception", "none");
    double retries = count("cobo.client.retries", "operation", "TestWallets.listWallets", "status", "429");
    double refreshes = timerCount("cobo.client.token.requests", "grant", "refresh_token", "outcome", "success",
        "reason", "none");
    double tokenCalls = timerCount("cobo.client.requests", "operation", "TokenService.refreshToken", "method", "POST",
        "outcome", "success", "error", "none");
    COBO.enqueueFault(Fault.rateLimited(0));

    client.api(TestWallets.class).listWallets();
    tokens.refresh();

    assertThat(timerCount("cobo.client.requests", "operation", "TestWallets.listWallets", "method", "GET",
            "outcome", "success", "status", "200", "error.code", "none", "exception", "none") - calls)
        .isEqualTo(1);
    assertThat(count("cobo.client.retries", "operation", "TestWallets.listWallets", "status", "429",
            "error.code", "2010", "exception", "none") - retries)
        .isEqualTo(1);
    assertThat(timerCount("cobo.client.token.requests", "grant", "refresh_token", "outcome", "success",
            "reason", "none") - refreshes)
        .isEqualTo(1);
    assertThat(timerCount("cobo.client.requests", "operation", "TokenService.refreshToken", "method", "POST",
            "outcome", "success", "error", "none") - tokenCalls)
        .as("the README: cobo.client.requests counts token calls, and its timer carries Micrometer's error tag")
        .isEqualTo(1);
    TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
      List<Observation.Context> retried = contexts.stream()
          .filter(c -> "cobo.client.requests".equals(c.getName()))
          .filter(c -> "2".equals(value(c, "cobo.attempts")))
          .toList();
      assertThat(retried).isNotEmpty().allSatisfy(c -> {
        assertThat(c.getContextualName()).isEqualTo("cobo TestWallets.listWallets");
        assertThat(c.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
      });
    });
  }

  @Test
  void theEnvAndConfigpropsEndpointsNeverShowTheApiSecret() throws Exception {
    HttpResponse<String> env = get("/actuator/env");
    HttpResponse<String> property = get("/actuator/env/cobo.api-secret");
    HttpResponse<String> configprops = get("/actuator/configprops");

    assertThat(env.statusCode()).isEqualTo(200);
    assertThat(configprops.statusCode()).isEqualTo(200);
    assertThat(env.body()).contains("cobo.api-secret").contains("cobo.client-id").contains("\"app\"");
    assertThat(configprops.body()).containsIgnoringCase("apiSecret").contains(COBO.serverPublicKeyHex());
    for (HttpResponse<String> response : List.of(env, property, configprops)) {
      assertThat(response.body()).doesNotContain(KEY.seedHex()).doesNotContain(KEY.seedHex().substring(0, 16));
    }
  }

  private double count(String name, String... tags) {
    return Search.in(meters).name(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private double timerCount(String name, String... tags) {
    return Search.in(meters).name(name).tags(tags).timers().stream().mapToDouble(t -> t.count()).sum();
  }

  private static String value(Observation.Context context, String key) {
    var keyValue = context.getHighCardinalityKeyValue(key);
    return keyValue == null ? "" : keyValue.getValue();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
