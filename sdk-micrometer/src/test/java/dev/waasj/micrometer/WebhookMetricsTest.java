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

/** The emulator delivers signed events and callbacks over HTTP to a receiver counted by WebhookMetrics. */
class WebhookMetricsTest {
  static final DeliveryOptions FAST = DeliveryOptions.compressed(Duration.ofMillis(5));

  CoboEmulator cobo;
  HttpServer server;
  MeterRegistry meters = new SimpleMeterRegistry();
  WebhookMetrics metrics = new WebhookMetrics(meters);
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger handled = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    cobo = CoboEmulator.builder().start();
    CoboWebhooks webhooks = CoboWebhooks.builder().serverPublicKey(cobo.serverPublicKeyHex()).build();
    EventHandler onEvent = metrics.instrumentEvents(event -> {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("ledger down");
      }
      handled.incrementAndGet();
    });
    CallbackHandler onCallback = metrics.instrumentCallbacks(callback -> CallbackDecision.APPROVE);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/events", exchange -> write(exchange,
        metrics.eventReplied(webhooks.handleEvent(read(exchange), exchange.getRequestHeaders()::getFirst, onEvent))));
    server.createContext("/callback", exchange -> write(exchange, metrics.callbackReplied(
        webhooks.handleCallback(read(exchange), exchange.getRequestHeaders()::getFirst, onCallback))));
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
    assertThat(count(WebhookMetrics.DELIVERIES, "kind", "event", "outcome", "handler_failed", "status", "500"))
        .isEqualTo(1);
    assertThat(count(WebhookMetrics.DELIVERIES, "kind", "event", "outcome", "handled", "status", "200"))
        .isEqualTo(1);
    assertThat(count(WebhookMetrics.DELIVERIES, "kind", "event", "outcome", "duplicate", "status", "200"))
        .isEqualTo(1);
    String type = meters.get(WebhookMetrics.HANDLER_FAILURES).counter().getId().getTag("type");
    assertThat(type).isNotBlank().isNotEqualTo("none");
    assertThat(count(WebhookMetrics.HANDLER_FAILURES, "kind", "event", "type", type,
            "exception", "IllegalStateException"))
        .isEqualTo(1);
  }

  @Test
  void aForgedDeliveryIsCountedAsAVerificationFailureByReason() {
    String event = cobo.webhookEvent(cobo.webhookDataTypes().get(0));

    cobo.deliverWebhook(url("/events"), event,
        DeliveryOptions.builder().backoff(Duration.ofMillis(5)).maxAttempts(2).forgeSignature(true).build());

    assertThat(count(WebhookMetrics.DELIVERIES, "kind", "event", "outcome", "refused", "status", "401"))
        .isEqualTo(2);
    assertThat(count(WebhookMetrics.VERIFICATION_FAILURES, "kind", "event", "reason", "invalid")).isEqualTo(2);
    assertThat(handled).hasValue(0);
  }

  @Test
  void anApprovedCallbackIsCounted() {
    Delivery delivery = cobo.deliverCallback(url("/callback"), cobo.callbackTransaction(), FAST);

    assertThat(delivery.decision()).hasValue("ok");
    assertThat(count(WebhookMetrics.DELIVERIES, "kind", "callback", "outcome", "approved", "status", "200"))
        .isEqualTo(1);
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
