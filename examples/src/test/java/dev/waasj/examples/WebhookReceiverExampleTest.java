package dev.waasj.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryOptions;
import dev.waasj.webhooks.CoboWebhooks;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receiver example keeps its contract, driven as an outside sender would drive it: started as its own process
 * with the emulator's key in {@code COBO_SERVER_PUBLIC_KEY}, it prints its URL, answers 200 to verified events and
 * 4xx to anything else, and prints one {@code event_id type} line per event, once however often it was delivered.
 */
class WebhookReceiverExampleTest {
  static final DeliveryOptions FAST = DeliveryOptions.compressed(Duration.ofMillis(10));
  static final JsonAdapter<Object> JSON = JsonSupport.moshi().adapter(Object.class);

  static CoboEmulator cobo;

  @BeforeAll
  static void start() {
    cobo = CoboEmulator.builder().start();
  }

  @AfterAll
  static void stop() {
    cobo.close();
  }

  @Test
  void asItsOwnProcessItHandlesEachVerifiedEventOnceAndRefusesTheRest() throws Exception {
    ProcessBuilder command = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"),
        WebhookReceiverExample.class.getName(), "0");
    command.environment().remove("COBO_ENV");
    command.environment().put("COBO_SERVER_PUBLIC_KEY", cobo.serverPublicKeyHex());
    command.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process receiver = command.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), UTF_8))) {
      URI url = URI.create(out.readLine());
      List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
          }
        } catch (java.io.IOException e) {
          // the process ended
        }
      });
      reader.start();
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPort()).isPositive();

      List<String> events = new ArrayList<>();
      for (String dataType : cobo.webhookDataTypes().subList(0, Math.min(3, cobo.webhookDataTypes().size()))) {
        events.add(cobo.webhookEvent(dataType));
      }
      List<Delivery> deliveries = cobo.deliverWebhooks(url, events,
          DeliveryOptions.builder().backoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10)).duplicates(2)
              .shuffle(3).build());
      Delivery forged = cobo.deliverWebhook(url, cobo.webhookEvent(cobo.webhookDataTypes().get(0)),
          DeliveryOptions.builder().maxAttempts(2).backoff(Duration.ofMillis(10)).forgeSignature(true).build());
      HttpClient http = HttpClient.newHttpClient();
      int unsigned = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(events.get(0)))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      int get = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      Delivery callback = cobo.deliverCallback(url.resolve("/callback"), cobo.callbackTransaction(), FAST);

      assertThat(deliveries).hasSize(3 * events.size()).allSatisfy(d -> {
        assertThat(d.succeeded()).isTrue();
        assertThat(d.attempts()).hasSize(1);
        assertThat(d.attempts().get(0).status()).isEqualTo(200);
      });
      assertThat(forged.attempts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
      assertThat(unsigned).isEqualTo(401);
      assertThat(get).isEqualTo(405);
      assertThat(callback.decision()).as("callbacks are denied unless APPROVE_CALLBACKS=true").contains("deny");

      // Lines are printed before the 200 goes out, so every one is in the pipe by now.
      receiver.destroy();
      assertThat(receiver.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      List<String> expected = events.stream().map(e -> member(e, "event_id") + " " + member(e, "type")).toList();
      assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      receiver.destroyForcibly();
    }
  }

  @Test
  void inProcessItApprovesCallbacksWhenToldTo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CoboWebhooks webhooks = CoboWebhooks.builder().environmentVariables(
        Map.of("COBO_SERVER_PUBLIC_KEY", cobo.serverPublicKeyHex())).build();
    String transaction = cobo.callbackTransaction();
    try (WebhookReceiverExample receiver = WebhookReceiverExample.start(
        0, webhooks, true, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8))) {
      Delivery delivery = cobo.deliverCallback(receiver.url().resolve("/callback"), transaction, FAST);

      assertThat(delivery.decision()).contains("ok");
    }
    assertThat(err.toString(UTF_8).trim()).isEqualTo("callback " + member(transaction, "transaction_id") + " ok");
    assertThat(out.size()).as("callbacks are no events").isZero();
  }

  private static Object member(String json, String name) {
    try {
      return ((Map<?, ?>) JSON.fromJson(json)).get(name);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
