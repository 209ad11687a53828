package dev.waasj.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboEnvironment;
import dev.waasj.testing.Signed;
import dev.waasj.webhooks.CoboWebhooks.CallbackFailurePolicy;
import dev.waasj.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The receiver on its own: messages signed with the JDK's Ed25519 (not the SDK's code), headers as a framework
 * hands them over. Written against hand-made JSON, so it holds under any spec.
 */
class CoboWebhooksTest {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String EVENT =
      "{\"event_id\":\"8f2e2f6c-3c1e-4c53-a1e4-5d3c2f0b9a10\",\"url\":\"https://app.example/hook\","
          + "\"created_timestamp\":1764417600000,\"type\":\"wallets.transaction.succeeded\","
          + "\"data\":{\"data_type\":\"Transaction\",\"transaction_id\":\"t-1\",\"status\":\"Success\"},"
          + "\"status\":\"Retrying\",\"retries_left\":9}";
  static final String CALLBACK = "{\"transaction_id\":\"t-2\",\"type\":\"Withdrawal\",\"status\":\"PendingApproval\"}";

  final CoboWebhooks webhooks = CoboWebhooks.builder().serverPublicKey(Signed.PUBLIC_KEY).clock(CLOCK).build();

  @Test
  void aSignedEventVerifiesAndNamesItself() {
    VerifiedMessage event = webhooks.verify(bytes(EVENT), signedNow(EVENT));

    assertThat(event.eventId()).isEqualTo("8f2e2f6c-3c1e-4c53-a1e4-5d3c2f0b9a10");
    assertThat(event.type()).isEqualTo("wallets.transaction.succeeded");
    assertThat(event.dataType()).isEqualTo("Transaction");
    assertThat(event.signedAt()).isEqualTo(NOW);
    assertThat(event.json()).isEqualTo(EVENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = event.as(Map.class);
    assertThat(parsed).containsEntry("retries_left", 9.0);
    assertThat(event.member("retries_left")).isEqualTo("9");
    assertThat(event.member("url")).isEqualTo("https://app.example/hook");
    assertThat(event.member("data")).as("an object is no text").isNull();
    assertThat(event.member("absent")).isNull();
  }

  @Test
  void aVerifiedCallbackHasNoEventIdNorEventTypeAndKeepsItsTransactionsTypeAsAMember() {
    VerifiedMessage callback = webhooks.verify(bytes(CALLBACK), signedNow(CALLBACK));

    assertThat(callback.eventId()).isNull();
    assertThat(callback.type()).as("the event type; a callback has none").isNull();
    assertThat(callback.member("type")).isEqualTo("Withdrawal");
    assertThat(callback.toString()).doesNotContain("Withdrawal");
  }

  @ParameterizedTest
  @CsvSource({
    "BIZ_TIMESTAMP, BIZ_RESP_SIGNATURE",
    "BIZ-TIMESTAMP, BIZ-RESP-SIGNATURE",
    "biz_timestamp, biz_resp_signature",
    "biz-timestamp, biz-resp-signature",
    "Biz-Timestamp, Biz-Resp-Signature"
  })
  void everyHeaderSpellingIsAcceptedEvenByACaseSensitiveLookup(String timestampName, String signatureName) {
    String timestamp = Long.toString(NOW.toEpochMilli());
    Map<String, String> exact =
        Map.of(timestampName, timestamp, signatureName, Signed.signature(bytes(EVENT), timestamp));

    assertThat(webhooks.verify(bytes(EVENT), exact::get).eventId()).isNotNull();
  }

  @Test
  void aReserializedBodyFails() {
    // The same JSON object, pretty-printed: what a framework's @RequestBody Map round trip produces.
    String reserialized = EVENT.replace(",", ", ").replace(":", ": ");
    HeaderLookup headers = signedNow(EVENT);

    assertThatThrownBy(() -> webhooks.verify(bytes(reserialized), headers))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void aBodyAlteredInAnyOneByteFails() {
    HeaderLookup headers = signedNow(EVENT);
    byte[] original = bytes(EVENT);
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < original.length; i++) {
      byte[] altered = original.clone();
      altered[i] ^= 0x01;
      try {
        webhooks.verify(altered, headers);
        accepted.add(i);
      } catch (WebhookVerificationException e) {
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
      }
    }
    assertThat(accepted).as("positions whose alteration still verified").isEmpty();
  }

  @Test
  void aStaleOrFutureTimestampFails() {
    for (Duration offset : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6), Duration.ofDays(-30))) {
      HeaderLookup headers = signedAt(EVENT, NOW.plus(offset));
      assertThatThrownBy(() -> webhooks.verify(bytes(EVENT), headers))
          .as("signed %s from now", offset)
          .isInstanceOf(WebhookVerificationException.class)
          .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(Reason.STALE));
    }
    // inside the window it verifies
    assertThat(webhooks.verify(bytes(EVENT), signedAt(EVENT, NOW.minus(Duration.ofMinutes(4)))).eventId())
        .isNotNull();
  }

  @Test
  void theTimestampWindowIsConfigurable() {
    CoboWebhooks strict =
        CoboWebhooks.builder().serverPublicKey(Signed.PUBLIC_KEY).clock(CLOCK)
            .timestampTolerance(Duration.ofSeconds(30)).build();
    HeaderLookup minuteOld = signedAt(EVENT, NOW.minus(Duration.ofMinutes(1)));

    assertThatThrownBy(() -> strict.verify(bytes(EVENT), minuteOld)).isInstanceOf(WebhookVerificationException.class);
    assertThat(webhooks.verify(bytes(EVENT), minuteOld).eventId()).isNotNull();
  }

  @Test
  void unsignedMalformedAndForeignMessagesFailWithTheirReason() {
    assertReason(HeaderLookup.of(Map.of()), Reason.MISSING);
    assertReason(HeaderLookup.of(Map.of("BIZ_TIMESTAMP", List.of(Long.toString(NOW.toEpochMilli())))), Reason.MISSING);
    assertReason(
        HeaderLookup.of(Map.of("BIZ_TIMESTAMP", List.of("yesterday"), "BIZ_RESP_SIGNATURE", List.of("ab".repeat(64)))),
        Reason.MALFORMED);
    assertReason(
        HeaderLookup.of(Map.of("BIZ_TIMESTAMP", List.of(Long.toString(NOW.toEpochMilli())),
            "BIZ_RESP_SIGNATURE", List.of("<html>"))),
        Reason.MALFORMED);
    // signed correctly, but by Cobo's production key's holder, not the key this receiver trusts
    CoboWebhooks prod = CoboWebhooks.builder().environment(CoboEnvironment.PROD).clock(CLOCK).build();
    assertThatThrownBy(() -> prod.verify(bytes(EVENT), signedNow(EVENT)))
        .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void aVerifiedBodyThatIsNoJsonObjectIsNoEvent() {
    String body = "[\"not\",\"an\",\"event\"]";
    assertThatThrownBy(() -> webhooks.verify(bytes(body), signedNow(body)))
        .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(Reason.NOT_AN_EVENT));
    assertThat(webhooks.handleEvent(bytes(body), signedNow(body), e -> {}).status()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeAnyCryptography() {
    CoboWebhooks small =
        CoboWebhooks.builder().serverPublicKey(Signed.PUBLIC_KEY).clock(CLOCK).maxBodyBytes(64).build();
    assertThatThrownBy(() -> small.verify(bytes(EVENT), signedNow(EVENT)))
        .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("64 bytes");
  }

  @Test
  void refusalsNeverQuoteTheSignatureOrTheBody() {
    HeaderLookup headers = signedNow(EVENT);
    String signature = headers.get("BIZ_RESP_SIGNATURE");
    byte[] altered = bytes(EVENT.replace("t-1", "t-9"));
    List<String> texts = new ArrayList<>();
    try {
      webhooks.verify(altered, headers);
    } catch (WebhookVerificationException e) {
      texts.add(e.getMessage());
      texts.add(e.toString());
    }
    WebhookReply reply = webhooks.handleEvent(altered, headers, e -> {});
    texts.add(reply.body());
    texts.add(reply.toString());
    texts.add(webhooks.toString());
    texts.add(webhooks.verify(bytes(EVENT), headers).toString());

    assertThat(texts).hasSize(6).allSatisfy(text -> assertThat(text)
        .doesNotContain(signature).doesNotContain(signature.substring(0, 16)).doesNotContain("t-9").doesNotContain("t-1"));
  }

  @Test
  void aHandledEventIsAnswered200AndAnUnverifiedOne401WithoutRunningTheHandler() {
    AtomicInteger runs = new AtomicInteger();
    WebhookReply forged = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT.replace("9}", "8}")), e -> runs.incrementAndGet());
    WebhookReply good = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), e -> runs.incrementAndGet());

    assertThat(forged.status()).isEqualTo(401);
    assertThat(good.status()).isEqualTo(200);
    assertThat(good.contentType()).startsWith("text/plain");
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRedeliveredEventRunsTheHandlerOnce() {
    AtomicInteger runs = new AtomicInteger();
    for (int delivery = 0; delivery < 10; delivery++) {
      // each redelivery carries a fresh timestamp and signature over the same body
      WebhookReply reply =
          webhooks.handleEvent(bytes(EVENT), signedAt(EVENT, NOW.minusSeconds(delivery)), e -> runs.incrementAndGet());
      assertThat(reply.status()).isEqualTo(200);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void concurrentDeliveriesOfOneEventRunTheHandlerOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<WebhookReply> first = pool.submit(() -> webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), e -> {
        runs.incrementAndGet();
        inHandler.countDown();
        release.await(5, TimeUnit.SECONDS);
      }));
      assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
      WebhookReply whileRunning = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), e -> runs.incrementAndGet());
      release.countDown();

      assertThat(whileRunning.status()).as("Cobo retries a 409 later").isEqualTo(409);
      assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), e -> runs.incrementAndGet()).status())
          .isEqualTo(200);
      assertThat(runs).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingHandlerIsAnswered500AndRunsAgainOnRedelivery() {
    AtomicInteger runs = new AtomicInteger();
    EventHandler failsOnce = e -> {
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("database down, secret=hunter2");
      }
    };

    WebhookReply first = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), failsOnce);
    WebhookReply second = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), failsOnce);
    WebhookReply third = webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), failsOnce);

    assertThat(first.status()).isEqualTo(500);
    assertThat(first.body()).doesNotContain("hunter2");
    assertThat(second.status()).isEqualTo(200);
    assertThat(third.status()).isEqualTo(200);
    assertThat(runs).hasValue(2);
  }

  @Test
  void anEventWithoutEventIdIsRefusedUnhandled() {
    String body = "{\"type\":\"wallets.transaction.created\",\"data\":{}}";
    AtomicInteger runs = new AtomicInteger();
    assertThat(webhooks.handleEvent(bytes(body), signedNow(body), e -> runs.incrementAndGet()).status())
        .isEqualTo(400);
    assertThat(runs).hasValue(0);
  }

  @Test
  void aPluggedDeduplicatorIsConsulted() {
    List<String> calls = new ArrayList<>();
    EventDeduplicator store = new EventDeduplicator() {
      final InMemoryEventDeduplicator inner = new InMemoryEventDeduplicator(1);

      @Override
      public Claim claim(String key, java.time.Duration lease) {
        Claim claim = inner.claim(key, lease);
        calls.add("claim " + key + " " + claim.state());
        return claim;
      }

      @Override
      public boolean complete(Claim claim, String outcome) {
        calls.add("complete " + claim.key() + " " + outcome);
        return inner.complete(claim, outcome);
      }

      @Override
      public void release(Claim claim) {
        calls.add("release " + claim.key());
        inner.release(claim);
      }
    };
    CoboWebhooks withStore =
        CoboWebhooks.builder().serverPublicKey(Signed.PUBLIC_KEY).clock(CLOCK).deduplicator(store).build();
    String key = "event:8f2e2f6c-3c1e-4c53-a1e4-5d3c2f0b9a10";

    withStore.handleEvent(bytes(EVENT), signedNow(EVENT), e -> {
      throw new IllegalStateException();
    });
    withStore.handleEvent(bytes(EVENT), signedNow(EVENT), e -> {});
    withStore.handleEvent(bytes(EVENT), signedNow(EVENT), e -> {});

    assertThat(calls)
        .containsExactly(
            "claim " + key + " CLAIMED",
            "release " + key,
            "claim " + key + " CLAIMED",
            "complete " + key + " handled",
            "claim " + key + " DONE");
  }

  @Test
  void theInMemoryDeduplicatorForgetsTheOldestBeyondItsCapacity() {
    InMemoryEventDeduplicator store = new InMemoryEventDeduplicator(2);
    java.time.Duration lease = java.time.Duration.ofMinutes(1);
    for (String id : List.of("a", "b", "c")) {
      Claim claim = store.claim(id, lease);
      assertThat(claim.state()).isEqualTo(Claim.State.CLAIMED);
      assertThat(store.complete(claim, "handled")).isTrue();
    }
    assertThat(store.claim("a", lease).state()).isEqualTo(Claim.State.CLAIMED); // forgotten
    assertThat(store.claim("c", lease).outcome()).hasValue("handled");
    assertThatThrownBy(() -> new InMemoryEventDeduplicator(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallbackIsAnsweredExactlyOkOrDenyAsPlainText() {
    WebhookReply approved = webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> CallbackDecision.APPROVE);
    String other = CALLBACK.replace("t-2", "t-3");
    WebhookReply denied = webhooks.handleCallback(bytes(other), signedNow(other), c -> CallbackDecision.DENY);

    assertThat(approved.status()).isEqualTo(200);
    assertThat(new String(approved.bodyBytes(), UTF_8)).isEqualTo("ok");
    assertThat(approved.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(denied.status()).isEqualTo(200);
    assertThat(new String(denied.bodyBytes(), UTF_8)).isEqualTo("deny");
  }

  @Test
  void aResentCallbackGetsTheSameAnswerWithoutAskingAgain() {
    AtomicInteger asked = new AtomicInteger();
    CallbackHandler handler = c -> asked.incrementAndGet() == 1 ? CallbackDecision.DENY : CallbackDecision.APPROVE;

    assertThat(webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), handler).body()).isEqualTo("deny");
    assertThat(webhooks.handleCallback(bytes(CALLBACK), signedAt(CALLBACK, NOW.minusSeconds(3)), handler).body())
        .isEqualTo("deny");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aCallbackResentWhileItIsBeingDecidedIsAnswered409AndDecidedOnce() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch deciding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<WebhookReply> first = pool.submit(() -> webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> {
        asked.incrementAndGet();
        deciding.countDown();
        release.await(5, TimeUnit.SECONDS);
        return CallbackDecision.APPROVE;
      }));
      assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();
      WebhookReply meanwhile =
          webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> CallbackDecision.DENY);
      release.countDown();

      assertThat(meanwhile.status()).isEqualTo(409);
      assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("ok");
      assertThat(webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> CallbackDecision.DENY).body())
          .isEqualTo("ok");
      assertThat(asked).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingCallbackHandlerIsDeniedByDefaultOrRetriedWhenAskedFor() {
    CallbackHandler failing = c -> {
      throw new IllegalStateException("policy service down");
    };
    CoboWebhooks retrying =
        CoboWebhooks.builder().serverPublicKey(Signed.PUBLIC_KEY).clock(CLOCK)
            .onCallbackFailure(CallbackFailurePolicy.RETRY).build();

    WebhookReply denied = webhooks.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), failing);
    WebhookReply retried = retrying.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), failing);
    WebhookReply nullDecision = retrying.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> null);
    WebhookReply afterRecovery =
        retrying.handleCallback(bytes(CALLBACK), signedNow(CALLBACK), c -> CallbackDecision.APPROVE);

    assertThat(denied.status()).isEqualTo(200);
    assertThat(denied.body()).isEqualTo("deny");
    assertThat(retried.status()).isEqualTo(500);
    assertThat(nullDecision.status()).as("a null decision is a failing handler").isEqualTo(500);
    assertThat(afterRecovery.body()).isEqualTo("ok");
  }

  @Test
  void anUnverifiedCallbackIsNeverApproved() {
    AtomicInteger asked = new AtomicInteger();
    WebhookReply reply = webhooks.handleCallback(bytes(CALLBACK), signedAt(CALLBACK, NOW.minus(Duration.ofHours(1))),
        c -> {
          asked.incrementAndGet();
          return CallbackDecision.APPROVE;
        });
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).isNotEqualTo("ok");
    assertThat(asked).hasValue(0);
  }

  @Test
  void badArgumentsFailBeforeAnythingIsRead() {
    // null arguments: NullPointerException naming the argument, as every builder of the SDK
    assertThatThrownBy(() -> webhooks.verify(null, signedNow(EVENT))).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("body");
    assertThatThrownBy(() -> webhooks.verify(bytes(EVENT), null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("headers");
    assertThatThrownBy(() -> webhooks.handleEvent(bytes(EVENT), signedNow(EVENT), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("handler");
    assertThatThrownBy(() -> CoboWebhooks.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CoboWebhooks.builder().serverPublicKey("not-a-key").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoboWebhooks.builder().environmentVariables(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeyComesFromTheSameVariablesTheClientReads() {
    CoboWebhooks fromKey = CoboWebhooks.builder().clock(CLOCK)
        .environmentVariables(Map.of("COBO_SERVER_PUBLIC_KEY", Signed.PUBLIC_KEY, "COBO_ENV", "prod")).build();
    CoboWebhooks fromEnv = CoboWebhooks.builder().clock(CLOCK).environmentVariables(Map.of("COBO_ENV", "dev")).build();

    assertThat(fromKey.verify(bytes(EVENT), signedNow(EVENT)).eventId()).isNotNull();
    assertThatThrownBy(() -> fromEnv.verify(bytes(EVENT), signedNow(EVENT)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  static HeaderLookup signedNow(String body) {
    return signedAt(body, NOW);
  }

  static HeaderLookup signedAt(String body, Instant at) {
    String timestamp = Long.toString(at.toEpochMilli());
    return HeaderLookup.of(Map.of(
        "BIZ_TIMESTAMP", List.of(timestamp), "BIZ_RESP_SIGNATURE", List.of(Signed.signature(bytes(body), timestamp))));
  }

  private void assertReason(HeaderLookup headers, Reason reason) {
    assertThatThrownBy(() -> webhooks.verify(bytes(EVENT), headers))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(reason));
  }
}
