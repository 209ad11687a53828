package dev.waasj.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboClient;
import dev.waasj.client.RequestOptions;
import dev.waasj.client.RetryPolicy;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.TestKeyPair;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;

/**
 * Calls through a real client against the emulator, observed into a TestObservationRegistry whose meter handler
 * writes to a SimpleMeterRegistry: the names and tags the README documents, asserted on values.
 */
class MicrometerListenerTest {
  /** An org-scoped operation, bound by hand so the test does not depend on names a spec decides. */
  interface Wallets {
    @GET("wallets")
    Map<String, Object> listWallets();
  }

  static final TestKeyPair KEY = TestKeyPair.generate();
  static CoboEmulator cobo;

  TestObservationRegistry observations;
  MeterRegistry meters;
  CoboClient client;

  @BeforeAll
  static void startEmulator() {
    cobo = CoboEmulator.builder().registerApp("app", "org", KEY.publicKeyHex()).start();
  }

  @AfterAll
  static void stopEmulator() {
    cobo.close();
  }

  @BeforeEach
  void build() {
    observations = TestObservationRegistry.create();
    meters = new SimpleMeterRegistry();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    client =
        CoboClient.builder()
            .baseUrl(cobo.baseUrl())
            .serverPublicKey(cobo.serverPublicKeyHex())
            .apiSecret(KEY.seedHex())
            .clientId("app")
            .orgId("org")
            .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(10)))
            .listener(MicrometerListener.create(observations, meters))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
    cobo.clearFaults();
  }

  @Test
  void aCallIsOneObservationAndOneTimerTaggedWithItsOperationAndOutcome() {
    client.api(Wallets.class).listWallets();

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("cobo.client.requests", 2) // the token grant, then the call
        .hasHandledContextsThatSatisfy(contexts -> {
          Observation.Context call = contexts.stream()
              .filter(c -> "cobo Wallets.listWallets".equals(c.getContextualName())).findFirst().orElseThrow();
          assertThat(call.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
              KeyValue.of("operation", "Wallets.listWallets"), KeyValue.of("method", "GET"),
              KeyValue.of("outcome", "success"), KeyValue.of("status", "200"),
              KeyValue.of("error.code", "none"), KeyValue.of("exception", "none"));
          assertThat(call.getHighCardinalityKeyValue("cobo.attempts").getValue()).isEqualTo("1");
        });
    assertThat(meters.get("cobo.client.requests")
            .tags("operation", "Wallets.listWallets", "method", "GET", "outcome", "success", "status", "200",
                "error.code", "none", "exception", "none")
            .timer().count())
        .isEqualTo(1);
    assertThat(meters.get("cobo.client.token.requests")
            .tags("grant", "org_implicit", "outcome", "success", "reason", "none").timer().count())
        .isEqualTo(1);
    assertThat(meters.find("cobo.client.retries").counters()).isEmpty();
  }

  @Test
  void aRetryIsCountedWithTheStatusThatCausedItAndTheCallEndsInOneObservation() {
    client.tokens().accessToken(); // the grant first, so the fault meets the call
    cobo.enqueueFault(Fault.rateLimited(0));

    client.api(Wallets.class).listWallets();

    assertThat(meters.get("cobo.client.retries")
            .tags("operation", "Wallets.listWallets", "status", "429", "error.code", "2010", "exception", "none")
            .counter().count())
        .isEqualTo(1.0);
    assertThat(meters.get("cobo.client.requests")
            .tags("operation", "Wallets.listWallets", "outcome", "success", "status", "200").timer().count())
        .isEqualTo(1);
    TestObservationRegistryAssert.assertThat(observations)
        .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
            .filteredOn(c -> "cobo Wallets.listWallets".equals(c.getContextualName()))
            .singleElement()
            .satisfies(c -> assertThat(c.getHighCardinalityKeyValue("cobo.attempts").getValue()).isEqualTo("2")));
  }

  @Test
  void aRefreshIsTimedAsARefreshTokenGrant() {
    client.tokens().accessToken();
    client.tokens().refresh();

    assertThat(meters.get("cobo.client.token.requests").tags("grant", "org_implicit", "outcome", "success")
            .timer().count())
        .isEqualTo(1);
    assertThat(meters.get("cobo.client.token.requests").tags("grant", "refresh_token", "outcome", "success")
            .timer().count())
        .isEqualTo(1);
    assertThat(meters.get("cobo.client.token.requests").tags("grant", "refresh_token").timer()
            .totalTime(TimeUnit.NANOSECONDS))
        .isPositive();
  }

  @Test
  void aForgedAnswerIsCountedAsASignatureFailureAndEndsItsObservationSo() {
    client.tokens().accessToken();
    cobo.enqueueFault(Fault.wrongKeySignature());

    assertThatThrownBy(() -> client.api(Wallets.class).listWallets())
        .isInstanceOf(ResponseSignatureException.class);

    assertThat(meters.get("cobo.client.signature.failures").tags("operation", "Wallets.listWallets").counter()
            .count())
        .isEqualTo(1.0);
    assertThat(meters.get("cobo.client.requests")
            .tags("operation", "Wallets.listWallets", "outcome", "signature_failure",
                "exception", "ResponseSignatureException")
            .timer().count())
        .isEqualTo(1);
  }

  @Test
  void theCallsObservationIsAChildOfTheObservationCurrentWhereTheCallStarted() {
    Observation parent = Observation.start("checkout", observations);
    parent.scoped(() -> {
      client.api(Wallets.class).listWallets();
    });
    parent.stop();

    TestObservationRegistryAssert.assertThat(observations)
        .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
            .filteredOn(c -> "cobo Wallets.listWallets".equals(c.getContextualName()))
            .singleElement()
            .satisfies(c -> assertThat(c.getParentObservation()).isSameAs(parent)));
  }

  @Test
  void noTagOrKeyValueCarriesASecretTokenOrUrl() {
    client.api(Wallets.class).listWallets();
    client.withOptions(
            RequestOptions.builder().header("X-Trace", "option-value-7").queryParameter("limit", "3").build())
        .api(Wallets.class)
        .listWallets();
    client.tokens().refresh();
    String accessToken = client.tokens().accessToken();
    String refreshToken = client.tokens().token().refreshToken();

    List<String> values = new ArrayList<>();
    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        values.add(tag.getKey() + "=" + tag.getValue());
      }
    }
    TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
      for (Observation.Context c : contexts) {
        c.getAllKeyValues().forEach(kv -> values.add(kv.getKey() + "=" + kv.getValue()));
        values.add(String.valueOf(c.getContextualName()));
      }
    });
    assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v)
        .doesNotContain(accessToken).doesNotContain(refreshToken).doesNotContain(KEY.seedHex())
        .doesNotContain("127.0.0.1").doesNotContain("/wallets").doesNotContain("option-value-7")
        .doesNotContain("limit"));
  }

  @Test
  void organizationsAreATagOnTokenMetersOnlyWhenAskedFor() {
    client.tokens().refresh(); // the default listener: no organization anywhere
    assertThat(meters.find(MicrometerListener.TOKEN_REQUESTS).timers())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.getId().getTag(MicrometerListener.ORGANIZATION_TAG)).isNull());

    MeterRegistry tagged = new SimpleMeterRegistry();
    try (CoboClient opted =
        CoboClient.builder()
            .baseUrl(cobo.baseUrl())
            .serverPublicKey(cobo.serverPublicKeyHex())
            .apiSecret(KEY.seedHex())
            .clientId("app")
            .listener(MicrometerListener.builder(observations, tagged).tagOrganizations(true).build())
            .build()) {
      opted.organization("org").api(Wallets.class).listWallets();
    }
    assertThat(tagged.find(MicrometerListener.TOKEN_REQUESTS).tag(MicrometerListener.ORGANIZATION_TAG, "org")
        .timers()).hasSize(1);
  }
}
