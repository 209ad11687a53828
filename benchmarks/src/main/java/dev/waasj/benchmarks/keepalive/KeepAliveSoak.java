package dev.waasj.benchmarks.keepalive;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.client.CoboClient;
import dev.waasj.store.jdbc.JdbcSchema;
import dev.waasj.store.jdbc.JdbcTokenStore;
import dev.waasj.testkit.TestKeyPair;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Keep-alive over a simulated month. ORGS organizations of one app get a token at once (the worst case: all due
 * together), then PROCESSES worker JVMs sharing one PostgreSQL store keep them alive for SECONDS while making no call,
 * against an emulator (a JVM of its own) whose refresh tokens lapse after {@value #MONTH_S} s, the month; workers
 * renew refresh tokens older than {@value #RENEW_AFTER_S} s (20 "days"), checking every {@value #CHECK_EVERY_S} s.
 * Prints one line and exits 1 if a goal is missed: no organization's refresh token lapses (every gap between its
 * renewals, and from the last to the end, under a month), none renewed twice within half the renewal age (two
 * instances renewing it), no new grant after the seed, no failure, the emulator's count of refreshes equal to the
 * workers'. Also reports the largest number of renewals in any one second.
 *
 * <pre>
 * benchmarks/keep-alive.sh [ORGS] [PROCESSES] [SECONDS]     # 1000 3 150 by default
 * </pre>
 */
public final class KeepAliveSoak {
  static final String CLIENT_ID = "keep-alive-app";
  static final int MONTH_S = 60;
  static final int RENEW_AFTER_S = 20;
  static final int CHECK_EVERY_S = 20;
  static final int ACCESS_S = 10;

  private KeepAliveSoak() {}

  public static void main(String[] args) throws Exception {
    int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int processes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    TestKeyPair app = TestKeyPair.generate();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      JdbcSchema.create(pg.getPostgresDatabase(), JdbcSchema.DEFAULT_PREFIX);
      String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
      Process emulator =
          new ProcessBuilder(java, "-cp", classPath, KeepAliveEmulator.class.getName(), CLIENT_ID,
                  app.publicKeyHex(), Integer.toString(MONTH_S), Integer.toString(ACCESS_S))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (BufferedReader fromEmulator =
              new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
          OutputStream toEmulator = emulator.getOutputStream()) {
        String[] first = fromEmulator.readLine().split(" ");
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(jdbcUrl);
        JdbcTokenStore store = JdbcTokenStore.create(db);
        seed(first[0], first[1], app, store, orgs, processes);

        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
          workers.add(
              new ProcessBuilder(java, "-cp", classPath, KeepAliveWorker.class.getName(), jdbcUrl, first[0],
                      first[1], app.seedHex(), Integer.toString(RENEW_AFTER_S), Integer.toString(CHECK_EVERY_S),
                      Integer.toString(seconds), i + "/" + (processes + 1))
                  .redirectError(ProcessBuilder.Redirect.INHERIT)
                  .start());
        }
        List<String> events = new ArrayList<>();
        for (Process w : workers) {
          try (BufferedReader out =
              new BufferedReader(new InputStreamReader(w.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
              events.add(line);
            }
          }
          w.waitFor(seconds + 60L, TimeUnit.SECONDS);
        }
        long end = System.currentTimeMillis();
        toEmulator.write((orgs + "\n").getBytes(StandardCharsets.UTF_8));
        toEmulator.flush();
        String emulatorCounts = fromEmulator.readLine();
        emulator.waitFor(30, TimeUnit.SECONDS);

        Map<String, List<Long>> renewals = new HashMap<>();
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        int grantsAfterSeed = 0;
        int failures = 0;
        int renewalCount = 0;
        for (String e : events) {
          String[] f = e.split(" ");
          long at = Long.parseLong(f[1]);
          switch (f[0]) {
            case "refresh":
              renewals.computeIfAbsent(f[2], k -> new ArrayList<>()).add(at);
              perSecond.merge(at / 1000, 1, Integer::sum);
              renewalCount++;
              break;
            case "grant":
              grantsAfterSeed++;
              break;
            default:
              if (failures++ < 5) {
                long seed = seededAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
                System.err.println("first failures: " + e + " at +" + (at - seed) + " ms after the seed");
              }
          }
        }
        int lapsed = 0;
        int twice = 0;
        long maxGap = 0;
        for (int i = 0; i < orgs; i++) {
          String org = "org-" + i;
          List<Long> times = new ArrayList<>();
          times.add(seededAt.get(org));
          times.addAll(renewals.getOrDefault(org, List.of()));
          times.sort(null);
          times.add(end);
          for (int k = 1; k < times.size(); k++) {
            long gap = times.get(k) - times.get(k - 1);
            maxGap = Math.max(maxGap, gap);
            if (gap >= MONTH_S * 1000L) {
              lapsed++;
            }
            if (k < times.size() - 1 && gap < RENEW_AFTER_S * 500L) {
              twice++;
            }
          }
        }
        int maxPerSecond = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long emulatorRefreshes = Long.parseLong(emulatorCounts.replaceAll(".*emulator_refreshes=(\\d+).*", "$1"));
        System.out.printf(
            "keep-alive orgs=%d processes=%d seconds=%d month=%ds renew_after=%ds check_every=%ds renewals=%d"
                + " lapsed=%d renewed_twice=%d grants_after_seed=%d failures=%d max_renewals_per_second=%d"
                + " max_gap_ms=%d %s%n",
            orgs, processes, seconds, MONTH_S, RENEW_AFTER_S, CHECK_EVERY_S, renewalCount, lapsed, twice,
            grantsAfterSeed, failures, maxPerSecond, maxGap, emulatorCounts);
        boolean ok =
            lapsed == 0 && twice == 0 && grantsAfterSeed == 0 && failures == 0 && renewalCount > 0
                && emulatorRefreshes == renewalCount;
        System.exit(ok ? 0 : 1);
      } finally {
        emulator.destroy();
      }
    }
  }

  private static final Map<String, Long> seededAt = new HashMap<>();

  /** One grant per organization, all at once, from a client of the orchestrator's own. */
  private static void seed(String baseUrl, String serverKey, TestKeyPair app, JdbcTokenStore store, int orgs,
      int processes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (CoboClient cobo =
        CoboClient.builder()
            .baseUrl(baseUrl)
            .serverPublicKey(serverKey)
            .apiSecret(app.seedHex())
            .clientId(CLIENT_ID)
            .tokenStore(store)
            .nonceSlot(processes, processes + 1)
            .build()) {
      List<Future<?>> grants = new ArrayList<>();
      for (int i = 0; i < orgs; i++) {
        String org = "org-" + i;
        grants.add(pool.submit(() -> cobo.organization(org).tokens().token()));
      }
      for (Future<?> f : grants) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < orgs; i++) {
      OrgToken t = store.load(CLIENT_ID, "org-" + i);
      seededAt.put("org-" + i, t.obtainedAt().toEpochMilli());
    }
  }
}
