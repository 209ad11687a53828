package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients built separately for one API key (a builder, the environment, a {@code newBuilder()} copy) share one
 * nonce sequence: thousands of interleaved calls from several threads, all accepted by the emulator (which refuses
 * a replayed nonce with 401), every nonce it recorded distinct.
 */
class SharedNonceTest {
  static final int THREADS = 6;
  static final int CALLS_PER_THREAD = 400;

  static Stream<Arguments> clocks() {
    // A fixed clock makes two separate sequences collide on the first call; the system clock makes them collide
    // whenever two clients sign in the same millisecond.
    return Stream.of(
        Arguments.of("system clock", Clock.systemUTC()),
        Arguments.of("fixed clock", Clock.fixed(Instant.now(), ZoneOffset.UTC)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clocks")
  void clientsForOneKeyNeverRepeatANonce(String name, Clock clock) throws Exception {
    TestKeyPair key = TestKeyPair.generate(); // a key of its own: its sequence starts with this test
    try (CoboEmulator cobo =
            CoboEmulator.builder().withoutSpec().registerApiKey(key.publicKeyHex()).clock(clock).start();
        CoboClient built =
            CoboClient.builder()
                .baseUrl(cobo.baseUrl())
                .serverPublicKey(cobo.serverPublicKeyHex())
                .apiSecret(key.seedHex())
                .clock(clock)
                .build();
        CoboClient fromEnv =
            CoboClient.builder()
                .environmentVariables(
                    Map.of(
                        "COBO_BASE_URL", cobo.baseUrl(),
                        "COBO_API_SECRET", key.seedHex(),
                        "COBO_SERVER_PUBLIC_KEY", cobo.serverPublicKeyHex()))
                .clock(clock)
                .build();
        CoboClient copy = built.newBuilder().build()) {
      List<TestApi> apis = List.of(built.api(TestApi.class), fromEnv.api(TestApi.class), copy.api(TestApi.class));
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
              try {
                apis.get((thread + i) % apis.size()).listWallets();
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        pool.shutdownNow();
      }

      List<RecordedExchange> requests = cobo.requests();
      List<String> refused =
          requests.stream().filter(r -> !r.verdict().isAccepted()).map(r -> r.verdict().toString()).toList();
      Set<String> nonces = new HashSet<>();
      for (RecordedExchange request : requests) {
        nonces.add(request.header("BIZ-API-NONCE").orElseThrow());
      }
      assertThat(refused).isEmpty();
      assertThat(failures).isEmpty();
      assertThat(requests).hasSize(THREADS * CALLS_PER_THREAD);
      assertThat(nonces).hasSize(THREADS * CALLS_PER_THREAD);
    }
  }
}
