package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.token.TokenResponse;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous calls hold an OkHttp dispatcher slot only while they are on the network: a call waiting to retry
 * holds none, so a burst of rate-limited calls does not stall the others, and callers' callbacks run on the
 * executor the application chose, never on an OkHttp thread. Every outcome here is ordered by latches and recorded,
 * never judged by elapsed time.
 */
class AsyncCallsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** The order in which things happened, across threads. */
  final List<String> events = new CopyOnWriteArrayList<>();

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .apiSecret(RetryTimingTest.SECRET);
  }

  /** First answer to each {@code wallets?n=..} call: 429; its retry: 200. The token endpoint: always 200. */
  final class RateLimitedOnce extends Dispatcher {
    final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/oauth/token")) {
        return Signed.json(200, Signed.token("AT", "RT", 60)).build();
      }
      String key = String.valueOf(request.getUrl().query());
      if (seen.putIfAbsent(key, true) == null) {
        return new MockResponse.Builder().code(429).body("{\"error_code\":2026}").build();
      }
      return Signed.json(200, "{\"data\":[]}").build();
    }
  }

  @Test
  void aBurstOfRateLimitedCallsWaitingToRetryDoesNotStallAnotherCall() throws Exception {
    server.setDispatcher(new RateLimitedOnce());
    int burst = 12;
    CountDownLatch allWaiting = new CountDownLatch(burst);
    CountDownLatch otherDone = new CountDownLatch(1);
    // Each retry wait blocks until the other call is done: if a wait held a dispatcher slot (four in all), the
    // other call could never start.
    RetryWaits.Sleeper untilOtherDone =
        (millis, call) -> {
          events.add("waiting");
          allWaiting.countDown();
          if (!otherDone.await(20, TimeUnit.SECONDS)) {
            events.add("gave up waiting");
          }
        };
    try (CoboClient client = builder().maxConcurrentRequests(4, 4).sleeper(untilOtherDone).build()) {
      TestApi api = client.api(TestApi.class);
      List<CompletableFuture<Map<String, Object>>> limited = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        limited.add(api.listWalletsAsync(i));
      }
      assertThat(allWaiting.await(20, TimeUnit.SECONDS)).isTrue();

      api.getTokenAsync("a", "o", "org_implicit").thenRun(() -> events.add("other done")).get(20, TimeUnit.SECONDS);
      otherDone.countDown();
      for (CompletableFuture<Map<String, Object>> f : limited) {
        assertThat(f.get(20, TimeUnit.SECONDS)).containsKey("data");
      }
    }
    assertThat(events).doesNotContain("gave up waiting");
    assertThat(events.subList(0, burst)).containsOnly("waiting");
    assertThat(events.get(burst)).isEqualTo("other done");
    assertThat(server.getRequestCount()).isEqualTo(2 * burst + 1);
  }

  @Test
  void onTheRealTimerACallIsServedWhileABurstWaitsOutRetryAfter() throws Exception {
    // The same burst with the client's own timer (no test sleeper): every first attempt is answered 429 with
    // Retry-After: 3. Waits that held the dispatcher's four slots would keep the burst's later first attempts, and
    // the other call queued behind them, until the first waits ended (FIFO keeps the order the same either way).
    // So what is asserted is that the server saw the other call while every wait was still pending: before the
    // earliest retry could be due, on the server's own clock.
    long start = System.nanoTime();
    List<String> seen = new CopyOnWriteArrayList<>();
    Map<String, Boolean> first = new ConcurrentHashMap<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (path.endsWith("/oauth/token")) {
              seen.add("other@" + ms);
              return Signed.json(200, Signed.token("AT", "RT", 60)).build();
            }
            String key = String.valueOf(request.getUrl().query());
            if (first.putIfAbsent(key, true) == null) {
              seen.add("first@" + ms);
              return new MockResponse.Builder()
                  .code(429)
                  .addHeader("Retry-After", "3")
                  .body("{\"error_code\":2026}")
                  .build();
            }
            seen.add("retry@" + ms);
            return Signed.json(200, "{\"data\":[]}").build();
          }
        });
    int burst = 12;
    try (CoboClient client = builder().maxConcurrentRequests(4, 4).build()) {
      TestApi api = client.api(TestApi.class);
      List<CompletableFuture<Map<String, Object>>> limited = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        limited.add(api.listWalletsAsync(i));
      }
      CompletableFuture<TokenResponse> other = api.getTokenAsync("a", "o", "org_implicit");

      assertThat(other.get(20, TimeUnit.SECONDS).accessToken()).isEqualTo("AT");
      for (CompletableFuture<Map<String, Object>> f : limited) {
        assertThat(f.get(20, TimeUnit.SECONDS)).containsKey("data");
      }
    }
    assertThat(seen).as("what the server saw, with ms since the burst").hasSize(2 * burst + 1);
    long firstRefused = at(seen, "first");
    long otherServed = at(seen, "other");
    assertThat(otherServed - firstRefused)
        .as("the other call, served while all %d calls waited out Retry-After: 3 (%s)", burst, seen)
        .isLessThan(3000);
    assertThat(at(seen, "retry")).as("%s", seen).isGreaterThanOrEqualTo(firstRefused + 3000);
  }

  /** The server time, in ms since the burst, of the first event of {@code kind}. */
  private static long at(List<String> seen, String kind) {
    return seen.stream()
        .filter(e -> e.startsWith(kind + "@"))
        .mapToLong(e -> Long.parseLong(e.substring(e.indexOf('@') + 1)))
        .min()
        .orElseThrow();
  }

  @Test
  void callbacksRunOnTheApplicationsExecutorNotOnOkHttpThreads() throws Exception {
    CountDownLatch chained = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            chained.await(10, TimeUnit.SECONDS); // answer only once the caller has chained its callback
            return Signed.json(200, Signed.token("AT", "RT", 60)).build();
          }
        });
    ExecutorService callbacks =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "application-callbacks"));
    try (CoboClient client = builder().callbackExecutor(callbacks).build()) {
      CompletableFuture<String> thread =
          client
              .api(TestApi.class)
              .getTokenAsync("a", "o", "org_implicit")
              .thenApply(token -> Thread.currentThread().getName());
      chained.countDown();

      assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("application-callbacks");
    } finally {
      callbacks.shutdown();
    }
  }

  @Test
  void anAsyncCallCancelledWhileWaitingToRetryIsNotSentAgain() throws Exception {
    server.setDispatcher(new RateLimitedOnce());
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    RetryWaits.Sleeper untilCancelled =
        (millis, call) -> {
          waiting.countDown();
          cancelled.await(20, TimeUnit.SECONDS);
        };
    try (CoboClient client = builder().sleeper(untilCancelled).build()) {
      CompletableFuture<Map<String, Object>> call = client.api(TestApi.class).listWalletsAsync(1);
      assertThat(waiting.await(20, TimeUnit.SECONDS)).isTrue();

      call.cancel(true);
      cancelled.countDown();

      assertThat(call).isCancelled();
      // The scheduled retry, when its time comes, finds the call cancelled and sends nothing.
      assertThat(client.api(TestApi.class).listWalletsAsync(2).get(20, TimeUnit.SECONDS)).containsKey("data");
    }
    assertThat(server.getRequestCount()).isEqualTo(3); // n=1 once; n=2 twice (429, then its retry)
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("n=1");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("n=2");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("n=2");
  }

  @Test
  void theDispatcherLimitsAreTheClientsToSet() {
    try (CoboClient defaults = builder().build();
        CoboClient narrow = builder().maxConcurrentRequests(8, 2).build()) {
      assertThat(defaults.httpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
      assertThat(defaults.httpClient().dispatcher().getMaxRequests()).isEqualTo(64);
      assertThat(narrow.httpClient().dispatcher().getMaxRequests()).isEqualTo(8);
      assertThat(narrow.httpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(2);
    }
  }
}
