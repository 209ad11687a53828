package dev.waasj.benchmarks;

import dev.waasj.client.CoboClient;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Signed calls per second through one SDK client against the emulator on loopback, from several threads: each call
 * is signed, carries the org token, is authenticated and validated against the spec by the emulator, answered
 * with a synthesized body, signed, and verified by the client.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.waasj.benchmarks.EmulatorThroughput [THREADS] [SECONDS]
 * </pre>
 *
 * <p>Calls {@code GET /wallets/{wallet_id}} and {@code GET /wallets?limit=10} in turn, through a hand-written
 * binding so the harness runs whatever spec the SDK was built from (both operations are in ours and Cobo's).
 */
public final class EmulatorThroughput {
  /** The two calls, as any client could make them. */
  interface Wallets {
    @GET("wallets/{wallet_id}")
    Map<String, Object> get(@Path("wallet_id") String walletId);

    @GET("wallets")
    Map<String, Object> list(@Query("limit") int limit);
  }

  private EmulatorThroughput() {}

  /** Runs the measurement and prints calls per second. */
  public static void main(String[] args) throws Exception {
    // The emulator runs in this process: let its JDK server answer without waiting out delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    TestKeyPair app = TestKeyPair.generate();
    try (CoboEmulator cobo = CoboEmulator.builder().registerApp("app", "org", app.publicKeyHex()).start();
        CoboClient client =
            CoboClient.builder()
                .baseUrl(cobo.baseUrl())
                .serverPublicKey(cobo.serverPublicKeyHex())
                .apiSecret(app.seedHex())
                .clientId("app")
                .orgId("org")
                .build()) {
      Wallets wallets = client.api(Wallets.class);
      String walletId = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
      for (int i = 0; i < 200; i++) { // warm-up: JIT, connections, the spec's schema validators
        wallets.get(walletId);
        wallets.list(10);
      }
      LongAdder calls = new LongAdder();
      LongAdder errors = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (long n = 0; !stop.get(); n++) {
                    try {
                      if (n % 2 == 0) {
                        wallets.get(walletId);
                      } else {
                        wallets.list(10);
                      }
                      calls.increment();
                    } catch (RuntimeException e) {
                      errors.increment();
                    }
                  }
                }));
      }
      long start = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      stop.set(true);
      for (Future<?> w : workers) {
        w.get();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      System.out.printf(
          "emulator throughput: %d threads, %.1f s: %d calls, %.0f signed calls/s, %d errors; spec %s%n",
          threads, elapsed, calls.sum(), calls.sum() / elapsed, errors.sum(), cobo.specLocation().orElse("none"));
    }
  }
}
