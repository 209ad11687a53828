package dev.waasj.examples.spring;

import dev.waasj.client.CoboClient;
import dev.waasj.generated.CoboApis;
import dev.waasj.generated.api.WalletsApi.ListWalletsParams;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs once the service is up: lists the wallets (read-only, so also against a real server); offline, it has the
 * emulator deliver a signed event (twice) and a callback to the service's own endpoints over HTTP, and prints what
 * the health endpoint and the meters say.
 */
@Component
class Demo implements ApplicationRunner {
  private final CoboClient client;
  private final CoboApis apis;
  private final Ledger ledger;
  private final ObjectProvider<CoboEmulator> emulator;
  private final MeterRegistry meters;
  private final Environment environment;
  private final PrintStream out = System.out;

  Demo(CoboClient client, CoboApis apis, Ledger ledger, ObjectProvider<CoboEmulator> emulator, MeterRegistry meters,
      Environment environment) {
    this.client = client;
    this.apis = apis;
    this.ledger = ledger;
    this.emulator = emulator;
    this.meters = meters;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    CoboEmulator cobo = emulator.getIfAvailable();
    out.println("waasj spring example: " + (cobo != null ? "embedded emulator at " : "") + client.baseUrl());
    long wallets = apis.wallets().listWalletsAll(ListWalletsParams.builder().limit(10).build()).stream().count();
    out.println("  wallets   " + wallets + " across every page, 10 a page, through the CoboApis bean");
    if (cobo == null) {
      out.println("  serving   Cobo's deliveries on /cobo/webhooks and /cobo/callbacks");
      return;
    }
    String port = environment.getProperty("local.server.port");
    DeliveryOptions fast = DeliveryOptions.compressed(Duration.ofMillis(10));
    String event = cobo.webhookEvent(cobo.webhookDataTypes().get(0));
    Delivery first = cobo.deliverWebhook(URI.create("http://127.0.0.1:" + port + "/cobo/webhooks"), event, fast);
    Delivery again = cobo.deliverWebhook(URI.create("http://127.0.0.1:" + port + "/cobo/webhooks"), event, fast);
    out.println("  webhook   signed event delivered twice over HTTP: answered " + last(first) + " and "
        + last(again) + ", handled " + ledger.events.size() + " time(s): " + ledger.events);
    Delivery callback =
        cobo.deliverCallback(URI.create("http://127.0.0.1:" + port + "/cobo/callbacks"), cobo.callbackTransaction(),
            fast);
    out.println("  callback  answered " + callback.decision().orElse("nothing"));
    out.println("  health    " + get("http://127.0.0.1:" + port + "/actuator/health/cobo"));
    out.println("  metrics   cobo.client.requests " + calls() + " calls timed, cobo.webhooks.deliveries "
        + Search.in(meters).name("cobo.webhooks.deliveries").timers().stream().mapToLong(t -> t.count()).sum()
        + " deliveries timed");
    out.println("OK");
  }

  private long calls() {
    return Search.in(meters).name("cobo.client.requests").timers().stream().mapToLong(t -> t.count()).sum();
  }

  private static String last(Delivery delivery) {
    return Integer.toString(delivery.attempts().get(delivery.attempts().size() - 1).status());
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
