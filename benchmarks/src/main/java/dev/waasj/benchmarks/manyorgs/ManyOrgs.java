package dev.waasj.benchmarks.manyorgs;

import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboOrganization;
import dev.waasj.testkit.TestKeyPair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Many organizations of one app in one JVM, the emulator in a process of its own: heap retained per organization
 * after GC (its manager, cached token and registry entry; views are not kept), the cost of getting a view, calls per
 * second round-robin over every organization against calls per second on one (same client, same run, alternating),
 * and the thread count. Prints a table; exits 1 if a goal is missed (at most 2 KB per organization, 5 us per view,
 * round-robin at least 0.9 of one organization's throughput, no thread per organization).
 *
 * <pre>
 * benchmarks/many-orgs.sh [ORGS] [SECONDS_PER_ROUND]      # 10000 and 5 by default
 * </pre>
 */
public final class ManyOrgs {
  private ManyOrgs() {}

  /** A wallet listing, not named by any spec: the benchmark must compile whatever spec the SDK was built from. */
  interface Wallets {
    @GET("wallets")
    Map<String, Object> list(@Query("limit") int limit);
  }

  public static void main(String[] args) throws Exception {
    int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = 4;
    TestKeyPair app = TestKeyPair.generate();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process emulator =
        new ProcessBuilder(
                java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), ManyOrgsEmulator.class.getName(),
                "app", Integer.toString(orgs), app.publicKeyHex())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader fromEmulator =
            new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        OutputStream toEmulator = emulator.getOutputStream()) {
      String[] first = fromEmulator.readLine().split(" ");
      int threadsBefore;
      try (CoboClient cobo =
          CoboClient.builder()
              .baseUrl(first[0])
              .serverPublicKey(first[1])
              .apiSecret(app.seedHex())
              .clientId("app")
              .maxCachedOrganizations(orgs)
              .build()) {
        String[] ids = new String[orgs];
        for (int i = 0; i < orgs; i++) {
          ids[i] = "org-" + i;
        }
        cobo.organization(ids[0]).api(Wallets.class).list(3); // the shared stack warmed, one organization in
        threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = usedHeapAfterGc();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong(1);
        List<Future<?>> grants = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          grants.add(
              pool.submit(
                  () -> {
                    for (long i; (i = next.getAndIncrement()) < orgs; ) {
                      cobo.organization(ids[(int) i]).api(Wallets.class).list(3);
                    }
                  }));
        }
        for (Future<?> f : grants) {
          f.get();
        }
        long heapAfter = usedHeapAfterGc();
        double bytesPerOrg = (heapAfter - heapBefore) / (double) (orgs - 1);

        double viewNanos = viewCost(cobo, ids);
        double[] single = new double[2];
        double[] roundRobin = new double[2];
        for (int round = 0; round < 2; round++) {
          single[round] = callsPerSecond(cobo, pool, threads, seconds, new String[] {ids[0]});
          roundRobin[round] = callsPerSecond(cobo, pool, threads, seconds, ids);
        }
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        pool.shutdownNow();

        double singleBest = Math.max(single[0], single[1]);
        double rrBest = Math.max(roundRobin[0], roundRobin[1]);
        double ratio = rrBest / singleBest;
        System.out.printf(
            Locale.ROOT,
            "many-orgs orgs=%d threads=%d seconds_per_round=%d%n"
                + "heap_per_org_bytes=%.0f (goal <= 2048)%n"
                + "view_ns=%.0f (goal <= 5000)%n"
                + "calls_per_s_one_org=%s calls_per_s_round_robin=%s ratio=%.2f (goal >= 0.90)%n"
                + "threads_before=%d threads_after=%d (goal: not growing with organizations)%n",
            orgs, threads, seconds, bytesPerOrg, viewNanos, fmt(single), fmt(roundRobin), ratio, threadsBefore,
            threadsAfter);
        boolean ok =
            bytesPerOrg <= 2048 && viewNanos <= 5000 && ratio >= 0.9 && threadsAfter - threadsBefore < threads + 8;
        toEmulator.write('\n');
        toEmulator.flush();
        emulator.waitFor();
        System.exit(ok ? 0 : 1);
      }
    } finally {
      emulator.destroy();
    }
  }

  private static String fmt(double[] values) {
    return Arrays.toString(Arrays.stream(values).map(Math::rint).toArray()).replace(".0", "").replace(" ", "");
  }

  /** Nanoseconds per {@code organization(id).api(...)}, round-robin, after a warm-up. */
  private static double viewCost(CoboClient cobo, String[] ids) {
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      int n = 2_000_000;
      for (int i = 0; i < n; i++) {
        CoboOrganization view = cobo.organization(ids[i % ids.length]);
        sink += view.orgId().length();
      }
      if (round == 2) {
        if (sink == 42) {
          System.out.print("");
        }
        return (System.nanoTime() - start) / (double) n;
      }
    }
    throw new AssertionError();
  }

  private static double callsPerSecond(
      CoboClient cobo, ExecutorService pool, int threads, int seconds, String[] ids) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong calls = new AtomicLong();
    AtomicLong cursor = new AtomicLong();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  String id = ids[(int) (cursor.getAndIncrement() % ids.length)];
                  cobo.organization(id).api(Wallets.class).list(3);
                  calls.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : workers) {
      f.get();
    }
    return calls.get() / (double) seconds;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

}
