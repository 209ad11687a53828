package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends EmulatorTestBase {
  private static final int THREADS = 100;

  @Test
  void servesManyThreadsAtOnce() throws Exception {
    List<HttpResponse<String>> responses = runConcurrently(THREADS, () -> client.getToken(CLIENT_ID, ORG_ID));

    Set<String> accessTokens = new HashSet<>();
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
      accessTokens.add(SignedClient.requiredField(response.body(), "access_token"));
    }
    assertThat(accessTokens).hasSize(THREADS);
    assertThat(cobo().requests()).hasSize(THREADS).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.ACCEPTED));
  }

  @Test
  void concurrentRefreshesWithOneTokenHaveExactlyOneWinner() throws Exception {
    String refresh = SignedClient.requiredField(tokenBody(), "refresh_token");

    List<HttpResponse<String>> responses = runConcurrently(16, () -> client.refresh(CLIENT_ID, refresh));

    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 400).hasSize(15)
        .allSatisfy(r -> assertThat(SignedClient.requiredField(r.body(), "error")).isEqualTo("invalid_grant"));
  }

  @Test
  void concurrentReplaysOfOneRequestAreServedOnce() throws Exception {
    var request = client.signed("GET", "/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID
        + "&grant_type=org_implicit", "", client.nextNonce()).build();

    List<HttpResponse<String>> responses = runConcurrently(16, () -> SignedClient.send(request));

    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(cobo().requests()).filteredOn(r -> r.verdict() == Verdict.REPLAYED_NONCE).hasSize(15);
  }

  private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
