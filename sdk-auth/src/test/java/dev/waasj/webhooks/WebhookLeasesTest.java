package dev.waasj.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testing.Signed;
import dev.waasj.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Claims carry a lease: a receiver that dies after claiming blocks redeliveries only until the lease ends; a
 * failing handler is observable; callback decisions are shared by receivers sharing a deduplicator. Time moves on
 * a test clock.
 */
class WebhookLeasesTest {
  static final String ID = "7d1c2a3b-0000-4000-8000-000000000001";
  static final String EVENT =
      "{\"event_id\":\"" + ID + "\",\"type\":\"wallets.transaction.failed\",\"data\":{\"data_type\":\"Transaction\"}}";
  static final String CALLBACK = "{\"transaction_id\":\"t-9\",\"type\":\"Withdrawal\"}";

  final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T00:00:00Z"));
  final InMemoryEventDeduplicator shared = new InMemoryEventDeduplicator(100, clock);

  CoboWebhooks.Builder receiver() {
    return CoboWebhooks.builder()
        .serverPublicKey(Signed.PUBLIC_KEY)
        .clock(clock)
        .deduplicator(shared)
        .handlerLease(Duration.ofSeconds(30));
  }

  HeaderLookup signed(String body) {
    String timestamp = Long.toString(clock.millis());
    Map<String, String> headers =
        Map.of("BIZ_TIMESTAMP", timestamp, "BIZ_RESP_SIGNATURE", Signed.signature(body.getBytes(UTF_8), timestamp));
    return headers::get;
  }

  @Test
  void aReceiverThatDiedAfterClaimingBlocksRedeliveriesOnlyUntilItsLeaseEnds() {
    CoboWebhooks webhooks = receiver().build();
    AtomicInteger runs = new AtomicInteger();
    // What a receiver killed mid-handler leaves behind: a claim never completed nor released.
    assertThat(shared.claim("event:" + ID, Duration.ofSeconds(30)).state()).isEqualTo(Claim.State.CLAIMED);

    assertThat(webhooks.handleEvent(EVENT.getBytes(UTF_8), signed(EVENT), e -> runs.incrementAndGet()).status())
        .isEqualTo(409);
    clock.advance(Duration.ofSeconds(29));
    assertThat(webhooks.handleEvent(EVENT.getBytes(UTF_8), signed(EVENT), e -> runs.incrementAndGet()).status())
        .isEqualTo(409);
    assertThat(runs).hasValue(0);

    clock.advance(Duration.ofSeconds(2)); // the dead claim's lease is over
    assertThat(webhooks.handleEvent(EVENT.getBytes(UTF_8), signed(EVENT), e -> runs.incrementAndGet()).status())
        .isEqualTo(200);
    assertThat(webhooks.handleEvent(EVENT.getBytes(UTF_8), signed(EVENT), e -> runs.incrementAndGet()).body())
        .isEqualTo("ok (already handled)");
    assertThat(runs).hasValue(1);
  }

  @Test
  void aClaimTakenOverAfterItsLeaseCannotBeCompletedByItsFormerOwner() {
    Claim stale = shared.claim("event:x", Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    Claim fresh = shared.claim("event:x", Duration.ofSeconds(30));

    assertThat(fresh.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(shared.complete(stale, "handled")).isFalse();
    shared.release(stale); // a former owner's release leaves the new claim alone
    assertThat(shared.claim("event:x", Duration.ofSeconds(30)).state()).isEqualTo(Claim.State.RUNNING_ELSEWHERE);
    assertThat(shared.complete(fresh, "handled")).isTrue();
    assertThat(shared.claim("event:x", Duration.ofSeconds(30)).outcome()).hasValue("handled");
  }

  @Test
  void aFailingHandlerIsLoggedByIdAndTypeAndReportedWithItsCause() {
    List<WebhookOutcome> heard = new CopyOnWriteArrayList<>();
    IllegalStateException cause = new IllegalStateException("ledger down");
    RuntimeException thrown = new RuntimeException("booking failed", cause);
    List<String> logged = logLines(() -> {
      WebhookReply reply =
          receiver().listener(heard::add).build()
              .handleEvent(EVENT.getBytes(UTF_8), signed(EVENT), e -> {
                throw thrown;
              });

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.failure()).containsSame(thrown);
      assertThat(reply.failure().orElseThrow().getCause()).isSameAs(cause);
    });
    assertThat(heard).singleElement().satisfies(o -> {
      assertThat(o.result()).isEqualTo(WebhookOutcome.Result.HANDLER_FAILED);
      assertThat(o.failure()).containsSame(thrown);
      assertThat(o.eventId()).hasValue(ID);
      assertThat(o.eventType()).hasValue("wallets.transaction.failed");
    });
    assertThat(logged).singleElement().satisfies(line ->
        assertThat(line).contains(ID, "wallets.transaction.failed", "RuntimeException")
            .doesNotContain("data_type").doesNotContain("ledger down"));
  }

  /**
   * A callback is no event: it has neither event_id nor event type. Its transaction's own {@code type} (Withdrawal)
   * is a member of the body, never reported or logged as the event type.
   */
  @Test
  void aFailingCallbackHandlerIsLoggedByTransactionAndReportedWithoutAnEventType() {
    List<WebhookOutcome> heard = new CopyOnWriteArrayList<>();
    List<VerifiedMessage> asked = new CopyOnWriteArrayList<>();
    List<String> logged = logLines(() -> {
      WebhookReply reply = receiver().listener(heard::add).build()
          .handleCallback(CALLBACK.getBytes(UTF_8), signed(CALLBACK), c -> {
            asked.add(c);
            throw new IllegalStateException("policy service down");
          });

      assertThat(reply.body()).isEqualTo("deny");
    });
    assertThat(asked).singleElement().satisfies(c -> {
      assertThat(c.type()).as("a callback's event type").isNull();
      assertThat(c.eventId()).isNull();
      assertThat(c.member("type")).as("the transaction's own type").isEqualTo("Withdrawal");
    });
    assertThat(heard).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(WebhookOutcome.Kind.CALLBACK);
      assertThat(o.result()).isEqualTo(WebhookOutcome.Result.HANDLER_FAILED);
      assertThat(o.eventType()).isEmpty();
    });
    assertThat(logged).singleElement().satisfies(line ->
        assertThat(line).contains("callback", "transaction_id=t-9", "IllegalStateException")
            .doesNotContain("Withdrawal").doesNotContain("type=").doesNotContain("policy service down"));
  }

  /** What {@code run} logs through CoboWebhooks' logger, each record formatted as a reader sees it. */
  private static List<String> logLines(Runnable run) {
    List<String> logged = new CopyOnWriteArrayList<>();
    Logger jul = Logger.getLogger(CoboWebhooks.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(capture);
    try {
      run.run();
    } finally {
      jul.removeHandler(capture);
    }
    return logged;
  }

  @Test
  void receiversSharingADeduplicatorAnswerAResentCallbackAlike() {
    AtomicInteger asked = new AtomicInteger();
    CoboWebhooks first = receiver().build();
    CoboWebhooks second = receiver().build();

    WebhookReply decided = first.handleCallback(CALLBACK.getBytes(UTF_8), signed(CALLBACK), c -> {
      asked.incrementAndGet();
      return CallbackDecision.APPROVE;
    });
    WebhookReply resent = second.handleCallback(CALLBACK.getBytes(UTF_8), signed(CALLBACK), c -> {
      asked.incrementAndGet();
      return CallbackDecision.DENY;
    });

    assertThat(decided.body()).isEqualTo("ok");
    assertThat(resent.body()).isEqualTo("ok");
    assertThat(asked).hasValue(1);
  }
}
