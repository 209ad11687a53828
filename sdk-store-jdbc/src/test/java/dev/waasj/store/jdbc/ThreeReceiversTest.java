package dev.waasj.store.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Delivery;
import dev.waasj.testkit.DeliveryOptions;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.WebhookReply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three receivers behind one address (a round-robin balancer, as an app's endpoint is), sharing a PostgreSQL
 * deduplicator; the emulator delivers signed events with Cobo's retries, duplicates and shuffled order, from three
 * senders at once. Every event's handler runs exactly once; a receiver that dies mid-handler delays its event by
 * the claim's lease, after which a live receiver runs it: never before, so never twice at once.
 */
class ThreeReceiversTest {
  static final Duration LEASE = Duration.ofSeconds(1);
  static EmbeddedPostgres postgres;
  static DataSource db;

  final CoboEmulator cobo = CoboEmulator.builder().withoutSpec().start();
  final List<Receiver> receivers = new ArrayList<>();
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  /** Every run of a handler: event, receiver, start and end (nanoTime), end -1 while running or if it died. */
  final List<long[]> spans = new CopyOnWriteArrayList<>();
  final List<String> spanEvents = new CopyOnWriteArrayList<>();
  HttpServer balancer;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    JdbcSchema.create(db, JdbcSchema.DEFAULT_PREFIX);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void receiversBehindABalancer() throws IOException {
    JdbcEventDeduplicator shared = JdbcEventDeduplicator.create(db);
    for (int i = 0; i < 3; i++) {
      receivers.add(new Receiver(i, shared));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    AtomicInteger next = new AtomicInteger();
    balancer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    balancer.setExecutor(Executors.newCachedThreadPool());
    balancer.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int first = Math.floorMod(next.getAndIncrement(), receivers.size());
          for (int k = 0; k < receivers.size(); k++) {
            Receiver r = receivers.get((first + k) % receivers.size());
            if (r.dead) {
              continue;
            }
            try {
              HttpResponse<byte[]> answer =
                  http.send(
                      HttpRequest.newBuilder(r.url())
                          .timeout(Duration.ofSeconds(5))
                          .header("BIZ_TIMESTAMP", exchange.getRequestHeaders().getFirst("BIZ_TIMESTAMP"))
                          .header(
                              "BIZ_RESP_SIGNATURE", exchange.getRequestHeaders().getFirst("BIZ_RESP_SIGNATURE"))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              reply(exchange, answer.statusCode(), answer.body());
              return;
            } catch (IOException | InterruptedException e) {
              // that receiver is gone: the next one
            }
          }
          reply(exchange, 502, "no receiver".getBytes(UTF_8));
        });
    balancer.start();
  }

  @AfterEach
  void stopAll() {
    balancer.stop(0);
    receivers.forEach(Receiver::stop);
    cobo.close();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + balancer.getAddress().getPort() + "/");
  }

  static String event(String id) {
    return "{\"event_id\":\"" + id + "\",\"type\":\"wallets.transaction.succeeded\","
        + "\"data\":{\"data_type\":\"Transaction\",\"transaction_id\":\"t-" + id + "\"}}";
  }

  static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Delivers every event from three senders at once, each in its own shuffled order, each event twice more. */
  List<Delivery> deliverFromThreeSenders(List<String> events) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<Delivery>>> sent = new ArrayList<>();
      for (int seed = 1; seed <= 3; seed++) {
        DeliveryOptions options =
            DeliveryOptions.builder()
                .backoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofMillis(400))
                .duplicates(2)
                .shuffle(seed)
                .build();
        sent.add(senders.submit(() -> cobo.deliverWebhooks(endpoint(), events, options)));
      }
      List<Delivery> all = new ArrayList<>();
      for (Future<List<Delivery>> f : sent) {
        all.addAll(f.get(120, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void everyEventRunsOnceAcrossThreeLiveReceivers() throws Exception {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(event("live-" + i));
    }

    List<Delivery> deliveries = deliverFromThreeSenders(events);

    assertThat(deliveries).hasSize(3 * 20 * 3).allMatch(Delivery::succeeded);
    assertThat(runs).hasSize(20);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(spans.stream().map(s -> s[1]).distinct().count()).as("receivers that ran handlers").isGreaterThan(1);
  }

  @Test
  void anEventWhoseReceiverDiedMidHandlerRunsAgainAfterTheLeaseAndNeverTwiceAtOnce() throws Exception {
    Receiver victim = receivers.get(0); // the balancer's first choice
    victim.dieOn = "doomed";
    Future<Delivery> doomed =
        Executors.newSingleThreadExecutor()
            .submit(
                () ->
                    cobo.deliverWebhook(
                        endpoint(),
                        event("doomed"),
                        DeliveryOptions.builder().backoff(Duration.ofMillis(200)).build()));
    assertThat(victim.died.await(20, TimeUnit.SECONDS)).isTrue();
    List<String> others = new ArrayList<>();
    List<String> otherIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      otherIds.add("other-" + i);
      others.add(event("other-" + i));
    }

    List<Delivery> deliveries = deliverFromThreeSenders(others);
    Delivery doomedDelivery = doomed.get(60, TimeUnit.SECONDS);

    assertThat(deliveries).allMatch(Delivery::succeeded);
    assertThat(doomedDelivery.succeeded()).isTrue();
    assertThat(doomedDelivery.attempts().size()).isGreaterThan(1); // the first attempt died with its receiver
    assertThat(runs.get("doomed")).hasValue(2); // the dead run, then one after the lease
    assertThat(runs).containsKeys(otherIds.toArray(String[]::new));
    assertThat(runs).allSatisfy((id, n) -> assertThat(n).as(id).hasValue(id.equals("doomed") ? 2 : 1));
    // The second run began after the dead one ended (its receiver's death) and after the claim's lease.
    List<long[]> doomedRuns = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      if (spanEvents.get(i).equals("doomed")) {
        doomedRuns.add(spans.get(i));
      }
    }
    assertThat(doomedRuns).hasSize(2);
    long deathAt = doomedRuns.get(0)[3];
    long secondStart = doomedRuns.get(1)[2];
    assertThat(secondStart).isGreaterThan(deathAt);
    assertThat(secondStart - doomedRuns.get(0)[2]).isGreaterThanOrEqualTo(LEASE.toNanos() - 50_000_000L);
    assertThat(doomedRuns.get(1)[1]).isNotEqualTo(0); // run by a live receiver
  }

  /** A receiver: its own server and CoboWebhooks, the shared deduplicator. */
  final class Receiver {
    final int index;
    final HttpServer server;
    final CountDownLatch died = new CountDownLatch(1);
    final CountDownLatch never = new CountDownLatch(1);
    volatile boolean dead;
    volatile String dieOn = "";

    Receiver(int index, JdbcEventDeduplicator shared) throws IOException {
      this.index = index;
      CoboWebhooks webhooks =
          CoboWebhooks.builder()
              .serverPublicKey(cobo.serverPublicKeyHex())
              .deduplicator(shared)
              .handlerLease(LEASE)
              .build();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext(
          "/",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            WebhookReply answer =
                webhooks.handleEvent(
                    body,
                    exchange.getRequestHeaders()::getFirst,
                    message -> {
                      String id = message.eventId();
                      long[] span = {0, index, System.nanoTime(), -1};
                      spans.add(span);
                      spanEvents.add(id);
                      runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                      if (id.equals(dieOn)) {
                        dead = true; // no more traffic: as if the process were killed here
                        span[3] = System.nanoTime();
                        died.countDown();
                        never.await(); // its handler never finishes, nor answers
                      }
                      Thread.sleep(15); // overlap with the other receivers' work
                      span[3] = System.nanoTime();
                    });
            reply(exchange, answer.status(), answer.bodyBytes());
          });
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void stop() {
      never.countDown();
      server.stop(0);
    }
  }
}
