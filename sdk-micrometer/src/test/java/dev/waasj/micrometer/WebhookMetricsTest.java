package dev.waasj.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryOptions;
import dev.waasj.webhooks.CallbackDecision;
import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.WebhookReply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator delivers signed events and callbacks over HTTP to a receiver that reports to WebhookMetrics. */
class WebhookMetricsTest {
  static final DeliveryOptions FAST = DeliveryOptions.compressed(Duration.ofMillis(5));

  CoboEmulator cobo;
  HttpServer server;
  MeterRegistry meters = new SimpleMeterRegistry();
  WebhookMetrics metrics = new WebhookMetrics(meters);
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger handled = new AtomicInteger();
  final AtomicInteger callbackFailuresLeft = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    cobo = CoboEmulator.builder().start();
    CoboWebhooks webhooks =
        CoboWebhooks.builder().serverPublicKey(cobo.serverPublicKeyHex()).listener(metrics).build();
    EventHandler onEvent = event -> {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("ledger down");
      }
      handled.incrementAndGet();
    };
    CallbackHandler onCallback = callback -> {
      if (callbackFailuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("policy service down");
      }
      return CallbackDecision.APPROVE;
    };
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/events", exchange -> write(exchange,
        webhooks.handleEvent(read(exchange), exchange.getRequestHeaders()::getFirst, onEvent)));
    server.createContext("/callback", exchange -> write(exchange,
        webhooks.handleCallback(read(exchange), exchange.getRequestHeaders()::getFirst, onCallback)));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    cobo.close();
  }

  @Test
  void handledDuplicateAndFailedDeliveriesAreCountedByOutcome() {
    String event = cobo.webhookEvent(cobo.webhookDataTypes().get(0));
    failuresLeft.set(1);

    Delivery first = cobo.deliverWebhook(url("/events"), event, FAST); // 500, then redelivered: 200
    Delivery again = cobo.deliverWebhook(url("/events"), event, FAST); // the same event_id: 200, not run

    assertThat(first.succeeded()).isTrue();
    assertThat(again.succeeded()).isTrue();
    assertThat(handled).hasValue(1);
    String type = meters.get(WebhookMetrics.HANDLER_FAILURES).counter().getId().getTag("type");
    assertThat(event).contains("\"" + type + "\"");
    assertThat(deliveries("kind", "event", "outcome", "handler_failed", "type", type)).isEqualTo(1);
    assertThat(deliveries("kind", "event", "outcome", "handled", "type", type, "decision", "none")).isEqualTo(1);
    assertThat(deliveries("kind", "event", "outcome", "already_handled", "type", type)).isEqualTo(1);
    assertThat(meters.get(WebhookMetrics.DELIVERIES).tags("outcome", "handled").timer().totalTime(
        java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(count(WebhookMetrics.HANDLER_FAILURES, "kind", "event", "type", type,
            "exception", "IllegalStateException"))
        .isEqualTo(1);
  }

  @Test
  void aForgedDeliveryIsCountedAsAVerificationFailureByReason() {
    String event = cobo.webhookEvent(cobo.webhookDataTypes().get(0));

    cobo.deliverWebhook(url("/events"), event,
        DeliveryOptions.builder().backoff(Duration.ofMillis(5)).maxAttempts(2).forgeSignature(true).build());

    assertThat(deliveries("kind", "event", "outcome", "refused", "type", "none")).isEqualTo(2);
    assertThat(count(WebhookMetrics.VERIFICATION_FAILURES, "kind", "event", "reason", "invalid")).isEqualTo(2);
    assertThat(handled).hasValue(0);
  }

  @Test
  void anApprovedCallbackIsCounted() {
    Delivery delivery = cobo.deliverCallback(url("/callback"), cobo.callbackTransaction(), FAST);

    assertThat(delivery.decision()).hasValue("ok");
    assertThat(deliveries("kind", "callback", "outcome", "handled", "decision", "approve")).isEqualTo(1);
  }

  /** A callback carries no event type: its transaction's own {@code type} (a Withdrawal, say) is no tag value. */
  @Test
  void aCallbackIsTaggedWithTypeNoneEvenWhenItsTransactionHasAType() {
    String callback = cobo.callbackTransaction();
    assertThat(callback).as("the transaction's own type, which must not become the tag").contains("\"type\"");
    callbackFailuresLeft.set(1);

    Delivery denied = cobo.deliverCallback(url("/callback"), callback, FAST); // the handler throws: deny
    Delivery approved = cobo.deliverCallback(url("/callback"), cobo.callbackTransaction(), FAST);

    assertThat(denied.decision()).hasValue("deny");
    assertThat(approved.decision()).hasValue("ok");
    assertThat(meters.get(WebhookMetrics.DELIVERIES).tags("kind", "callback").timers())
        .isNotEmpty().allSatisfy(t -> assertThat(t.getId().getTag("type")).isEqualTo("none"));
    assertThat(meters.get(WebhookMetrics.HANDLER_FAILURES).tags("kind", "callback").counter().getId().getTag("type"))
        .isEqualTo("none");
    assertThat(count(WebhookMetrics.HANDLER_FAILURES, "kind", "callback", "type", "none",
        "exception", "IllegalStateException")).isEqualTo(1);
  }

  private long deliveries(String... tags) {
    return meters.get(WebhookMetrics.DELIVERIES).tags(tags).timer().count();
  }

  private double count(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    return exchange.getRequestBody().readAllBytes();
  }

  private static void write(HttpExchange exchange, WebhookReply reply) throws IOException {
    byte[] bytes = reply.bodyBytes();
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

}
