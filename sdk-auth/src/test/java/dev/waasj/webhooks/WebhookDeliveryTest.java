package dev.waasj.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.json.Validatable;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryAttempt;
import dev.waasj.testkit.DeliveryOptions;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator delivers webhook events and callbacks built from the SDK's own spec, signed with its key, to a
 * receiver built on {@link CoboWebhooks}, with Cobo's semantics (2-second timeout, redelivery, duplicates, any
 * order); the waits between attempts are compressed. Written against the emulator and the receiver only, so it
 * runs under any spec that has the webhook schemas.
 */
class WebhookDeliveryTest {
  static final DeliveryOptions FAST = DeliveryOptions.compressed(Duration.ofMillis(10));
  static final JsonAdapter<Object> JSON = JsonSupport.moshi().adapter(Object.class);

  static CoboEmulator cobo;
  static CoboWebhooks webhooks;

  @BeforeAll
  static void start() {
    cobo = CoboEmulator.builder().start();
    webhooks = CoboWebhooks.builder().serverPublicKey(cobo.serverPublicKeyHex()).build();
  }

  @AfterAll
  static void stop() {
    cobo.close();
  }

  @Test
  void aDeliveredEventVerifiesAndReachesTheHandlerOnce() throws Exception {
    String dataType = cobo.webhookDataTypes().get(0);
    String event = cobo.webhookEvent(dataType);
    List<VerifiedMessage> handled = new CopyOnWriteArrayList<>();
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(handled::add)) {
      Delivery delivery = cobo.deliverWebhook(app.events(), event, FAST);

      assertThat(delivery.succeeded()).isTrue();
      assertThat(delivery.attempts()).hasSize(1);
      assertThat(delivery.attempts().get(0).status()).isEqualTo(200);
      assertThat(handled).hasSize(1);
      VerifiedMessage message = handled.get(0);
      assertThat(message.eventId()).isEqualTo(member(event, "event_id")).isNotBlank();
      assertThat(message.dataType()).isEqualTo(dataType);
      assertThat(message.json()).isEqualTo(event);
    }
  }

  @Test
  void everyWebhookEventDataVariantOfTheSpecParsesIntoTheGeneratedModel() throws Exception {
    // WebhookEvent is the schema's name in Cobo's spec and ours; looked up, not compiled against, so the test
    // reports a spec without it rather than breaking the build.
    Class<?> eventClass = Class.forName("dev.waasj.generated.model.WebhookEvent");
    Method data = eventClass.getMethod("data");
    List<String> dataTypes = cobo.webhookDataTypes();
    Map<String, String> parsedAs = new ConcurrentHashMap<>();
    Map<String, String> failures = new TreeMap<>();
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(message -> {
      Object typed = message.as(eventClass);
      ((Validatable) typed).validate();
      Object shape = data.invoke(typed);
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> shapes = (JsonAdapter<Object>) JsonSupport.moshi().adapter(data.getReturnType());
      Object rewritten = JSON.fromJson(shapes.toJson(shape));
      parsedAs.put(message.dataType(), shape.getClass().getSimpleName() + " data_type=" + member(rewritten, "data_type"));
    })) {
      for (String dataType : dataTypes) {
        Delivery delivery = cobo.deliverWebhook(app.events(), cobo.webhookEvent(dataType), FAST);
        if (!delivery.succeeded()) {
          failures.put(dataType, delivery.attempts().get(0).body());
        }
      }
    }

    assertThat(dataTypes).as("the spec's WebhookEventData variants").isNotEmpty();
    assertThat(failures).as("variants the receiver's handler failed on").isEmpty();
    assertThat(parsedAs).hasSize(dataTypes.size());
    parsedAs.forEach((dataType, parsed) ->
        assertThat(parsed).as(dataType).doesNotStartWith("Unknown").endsWith("data_type=" + dataType));
  }

  @Test
  void anEventOfATypeAndDataThisSdkDoesNotKnowIsKeptNotThrown() throws Exception {
    Class<?> eventClass = Class.forName("dev.waasj.generated.model.WebhookEvent");
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) JSON.fromJson(cobo.webhookEvent(cobo.webhookDataTypes().get(0)));
    json.put("type", "wallets.teleport.created");
    json.put("data", Map.of("data_type", "Teleport", "destination", "moon"));
    String event = JSON.toJson(json);
    List<Object> typed = new CopyOnWriteArrayList<>();
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(m -> typed.add(m.as(eventClass)))) {
      assertThat(cobo.deliverWebhook(app.events(), event, FAST).succeeded()).isTrue();
    }

    assertThat(typed).hasSize(1);
    Object type = eventClass.getMethod("type").invoke(typed.get(0));
    Object data = eventClass.getMethod("data").invoke(typed.get(0));
    assertThat(type.getClass().getMethod("value").invoke(type)).isEqualTo("wallets.teleport.created");
    assertThat(type.getClass().getMethod("isKnown").invoke(type)).isEqualTo(false);
    assertThat(data.getClass().getSimpleName()).isEqualTo("Unknown");
    assertThat(data.toString()).contains("Teleport").doesNotContain("moon");
  }

  @Test
  void aReceiverSlowerThanTwoSecondsIsRetriedAndTheHandlerStillRunsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    String event = cobo.webhookEvent(cobo.webhookDataTypes().get(0));
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(e -> {
      if (runs.incrementAndGet() == 1) {
        Thread.sleep(2_300);
      }
    })) {
      Delivery delivery =
          cobo.deliverWebhook(app.events(), event, DeliveryOptions.builder().backoff(Duration.ofMillis(100))
              .maxBackoff(Duration.ofMillis(100)).build());

      DeliveryAttempt first = delivery.attempts().get(0);
      assertThat(first.status()).isEqualTo(-1);
      // What the emulator recorded, not how long the test took: the attempt ended at Cobo's 2-second timeout, and
      // the next one waited the configured back-off.
      assertThat(first.failure()).isEqualTo("timed out after 2000 ms");
      assertThat(delivery.attempts().get(1).waitedBefore()).isEqualTo(Duration.ofMillis(100));
      assertThat(delivery.succeeded()).isTrue();
      assertThat(delivery.attempts().size()).isBetween(2, 10);
      assertThat(runs).as("the late first run counts; redeliveries wait for it, then see it done").hasValue(1);
    }
  }

  @Test
  void aCallbackAnsweredWithJsonIsRetriedThirtyTimesAndNeverCountsAsAnswered() throws Exception {
    AtomicInteger received = new AtomicInteger();
    try (TestReceiver app = new TestReceiver(webhooks).onRaw(body -> {
      received.incrementAndGet();
      return new TestReceiver.RawAnswer(200, "application/json", "{\"result\":\"ok\"}");
    })) {
      Delivery delivery = cobo.deliverCallback(app.raw(), cobo.callbackTransaction(), FAST);

      assertThat(delivery.succeeded()).isFalse();
      assertThat(delivery.attempts()).hasSize(30).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
      assertThat(delivery.decision()).isEmpty();
      assertThat(received).hasValue(30);
    }
  }

  @Test
  void aWebhookAnsweredWithAnErrorOrARedirectIsRetriedTenTimes() throws Exception {
    for (int status : new int[] {500, 302, 404}) {
      AtomicInteger received = new AtomicInteger();
      try (TestReceiver app = new TestReceiver(webhooks).onRaw(body -> {
        received.incrementAndGet();
        return new TestReceiver.RawAnswer(status, "text/plain", "no");
      })) {
        Delivery delivery = cobo.deliverWebhook(app.raw(), cobo.webhookEvent(cobo.webhookDataTypes().get(0)), FAST);

        assertThat(delivery.succeeded()).as("status %s", status).isFalse();
        assertThat(delivery.attempts()).as("status %s", status).hasSize(10)
            .allSatisfy(a -> assertThat(a.status()).isEqualTo(status));
        assertThat(received).as("redirects are not followed").hasValue(10);
      }
    }
  }

  @Test
  void aWebhookAnswered201CountsAsAnswered() throws Exception {
    try (TestReceiver app =
        new TestReceiver(webhooks).onRaw(body -> new TestReceiver.RawAnswer(201, "text/plain", ""))) {
      Delivery delivery = cobo.deliverWebhook(app.raw(), cobo.webhookEvent(cobo.webhookDataTypes().get(0)), FAST);
      assertThat(delivery.succeeded()).isTrue();
      assertThat(delivery.attempts()).hasSize(1);
    }
  }

  @Test
  void theCallbackHandlersApprovalAndDenialReachTheEmulatorAsExactlyOkAndDeny() throws Exception {
    String approve = cobo.callbackTransaction();
    String deny = cobo.callbackTransaction();
    try (TestReceiver app = new TestReceiver(webhooks).onCallback(c ->
        c.json().equals(approve) ? CallbackDecision.APPROVE : CallbackDecision.DENY)) {
      Delivery approved = cobo.deliverCallback(app.callback(), approve, FAST);
      Delivery denied = cobo.deliverCallback(app.callback(), deny, FAST);

      assertThat(approved.decision()).contains("ok");
      assertThat(denied.decision()).contains("deny");
      for (Delivery d : List.of(approved, denied)) {
        assertThat(d.attempts()).hasSize(1);
        assertThat(d.attempts().get(0).status()).isEqualTo(200);
        assertThat(d.attempts().get(0).contentType()).startsWith("text/plain");
      }
    }
  }

  @Test
  void aCallbackWhoseHandlerFailsIsDeniedOnceNotRetried() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (TestReceiver app = new TestReceiver(webhooks).onCallback(c -> {
      asked.incrementAndGet();
      throw new IllegalStateException("risk engine unreachable");
    })) {
      Delivery delivery = cobo.deliverCallback(app.callback(), cobo.callbackTransaction(), FAST);

      assertThat(delivery.decision()).contains("deny");
      assertThat(delivery.attempts()).hasSize(1);
      assertThat(asked).hasValue(1);
    }
  }

  @Test
  void duplicatedAndReorderedEventsRunTheHandlerOncePerEvent() throws Exception {
    List<String> dataTypes = cobo.webhookDataTypes();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(cobo.webhookEvent(dataTypes.get(i % dataTypes.size())));
    }
    List<String> handledIds = Collections.synchronizedList(new ArrayList<>());
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(e -> handledIds.add(e.eventId()))) {
      List<Delivery> deliveries =
          cobo.deliverWebhooks(app.events(), events, DeliveryOptions.builder().backoff(Duration.ofMillis(10))
              .maxBackoff(Duration.ofMillis(10)).duplicates(2).shuffle(7).build());

      assertThat(deliveries).hasSize(18).allSatisfy(d -> assertThat(d.succeeded()).isTrue());
      List<String> deliveredIds = deliveries.stream().map(d -> (String) member(d.payload(), "event_id")).toList();
      List<String> givenIds = events.stream().map(e -> (String) member(e, "event_id")).toList();
      assertThat(deliveredIds.stream().distinct().toList()).as("a permutation of the events")
          .containsExactlyInAnyOrderElementsOf(givenIds).isNotEqualTo(givenIds);
      assertThat(handledIds).containsExactlyInAnyOrderElementsOf(givenIds);
      assertThat(Set.copyOf(handledIds)).hasSize(6);
    }
  }

  @Test
  void aForgedEventIsRefusedOnEveryAttemptAndNeverHandled() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(e -> runs.incrementAndGet())) {
      Delivery delivery = cobo.deliverWebhook(app.events(), cobo.webhookEvent(cobo.webhookDataTypes().get(0)),
          DeliveryOptions.builder().backoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5))
              .forgeSignature(true).build());

      assertThat(delivery.succeeded()).isFalse();
      assertThat(delivery.attempts()).hasSize(10).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
      assertThat(runs).hasValue(0);
    }
  }

  @Test
  void aHandlerThatFailsIsRunAgainOnTheEmulatorsRedeliveryUntilItSucceeds() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (TestReceiver app = new TestReceiver(webhooks).onEvent(e -> {
      if (runs.incrementAndGet() < 3) {
        throw new IllegalStateException("database down");
      }
    })) {
      Delivery delivery = cobo.deliverWebhook(app.events(), cobo.webhookEvent(cobo.webhookDataTypes().get(0)), FAST);

      assertThat(delivery.attempts()).extracting(DeliveryAttempt::status).containsExactly(500, 500, 200);
      assertThat(runs).hasValue(3);
    }
  }

  @Test
  void theWaitBetweenAttemptsDoublesUpToItsCap() throws Exception {
    try (TestReceiver app =
        new TestReceiver(webhooks).onRaw(body -> new TestReceiver.RawAnswer(503, "text/plain", "busy"))) {
      Delivery delivery = cobo.deliverWebhook(app.raw(), cobo.webhookEvent(cobo.webhookDataTypes().get(0)),
          DeliveryOptions.builder().maxAttempts(5).backoff(Duration.ofMillis(40)).maxBackoff(Duration.ofMillis(100))
              .build());

      assertThat(delivery.attempts()).extracting(a -> a.waitedBefore().toMillis())
          .containsExactly(0L, 40L, 80L, 100L, 100L);
    }
  }

  private static Object member(Object jsonOrText, String name) {
    try {
      Object json = jsonOrText instanceof String s ? JSON.fromJson(s) : jsonOrText;
      return ((Map<?, ?>) json).get(name);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
