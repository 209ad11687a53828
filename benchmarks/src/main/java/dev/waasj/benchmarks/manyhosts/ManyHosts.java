package dev.waasj.benchmarks.manyhosts;

import dev.waasj.store.jdbc.JdbcSchema;
import dev.waasj.testkit.TestKeyPair;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * Orchestrates the soak: starts the store server (PostgreSQL or Redis, from Maven-provided binaries, each its own
 * process) and the emulator as a JVM of its own ({@link SoakEmulator}), runs PROCESSES worker JVMs for SECONDS, and
 * prints one line from the emulator's own count of token requests:
 *
 * <pre>
 * many-hosts store=postgres processes=4 seconds=60 calls=… errors=0 refreshes=… get_token=… invalid_grant=0 max_refreshes_per_expiry=1
 * </pre>
 *
 * <p>Org tokens live {@value #TOKEN_SECONDS} s, so the managers refresh them every half of that. With {@code
 * KILL_LEASE_HOLDER=1} one worker stalls once it holds a refresh lease, a third of the way in, and is killed there
 * ({@code SIGKILL}); the others must carry on after the lease's TTL. Exits 1 if any goal is missed.
 */
public final class ManyHosts {
  static final String CLIENT_ID = "soak-app";
  static final String ORG_ID = "soak-org";
  static final int TOKEN_SECONDS = 6;
  static final long LEASE_TTL_MS = 2_000;
  static final int THREADS = 4;

  private ManyHosts() {}

  /** Arguments: STORE (postgres or redis) [PROCESSES] [SECONDS]. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !(args[0].equals("postgres") || args[0].equals("redis"))) {
      System.err.println("usage: many-hosts.sh postgres|redis [PROCESSES] [SECONDS]");
      System.exit(2);
    }
    String store = args[0];
    int processes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    boolean kill = "1".equals(System.getenv("KILL_LEASE_HOLDER"));
    TestKeyPair app = TestKeyPair.generate();
    Process emulator =
        new ProcessBuilder(
                java(), "-cp", System.getProperty("java.class.path"), SoakEmulator.class.getName(), CLIENT_ID,
                ORG_ID, app.publicKeyHex(), Integer.toString(TOKEN_SECONDS))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (StoreServer server = StoreServer.start(store);
        BufferedReader fromEmulator =
            new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
      String first = fromEmulator.readLine();
      if (first == null) {
        throw new IllegalStateException("the emulator process did not start (its errors are above)");
      }
      String[] hello = first.split(" "); // BASE_URL SERVER_PUBLIC_KEY
      String baseUrl = hello[0];
      String serverKey = hello[1];
      List<Process> workers = new ArrayList<>();
      Path logs = Files.createTempDirectory("many-hosts");
      for (int i = 0; i < processes; i++) {
        ProcessBuilder pb =
            new ProcessBuilder(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                ManyHostsWorker.class.getName(),
                store,
                server.url(),
                baseUrl,
                serverKey,
                app.seedHex(),
                Long.toString(seconds * 1000L),
                Integer.toString(THREADS),
                Long.toString(LEASE_TTL_MS),
                i + "/" + processes); // one API key, several processes: a nonce slot each
        pb.redirectError(new File(logs.toFile(), "worker-" + i + ".err"));
        if (kill && i == 0) {
          pb.environment().put("VICTIM", "1");
        }
        workers.add(pb.start());
      }
      CompletableFuture<Boolean> killed =
          kill ? CompletableFuture.supplyAsync(() -> killWhenHolding(workers.get(0))) : null;

      long calls = 0;
      long errors = 0;
      for (int i = 0; i < processes; i++) {
        Process worker = workers.get(i);
        if (!worker.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
          worker.destroyForcibly();
          errors++;
          System.err.println("worker " + i + " did not finish");
          continue;
        }
        if (kill && i == 0) {
          continue; // killed mid-run: its counts died with it
        }
        String out = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String[] fields = out.isEmpty() ? new String[0] : out.split("\\s+");
        if (worker.exitValue() != 0 || fields.length != 2) {
          errors++;
          System.err.println("worker " + i + " failed: " + Files.readString(logs.resolve("worker-" + i + ".err")));
          continue;
        }
        calls += Long.parseLong(fields[0]);
        errors += Long.parseLong(fields[1]);
        String err = Files.readString(logs.resolve("worker-" + i + ".err"));
        if (!err.isBlank()) {
          System.err.println("worker " + i + ": " + err.strip());
        }
      }

      // The emulator's own count, from its process: asked for once every worker is done.
      emulator.getOutputStream().write("report\n".getBytes(StandardCharsets.UTF_8));
      emulator.getOutputStream().flush();
      Map<String, String> report = new HashMap<>();
      for (String field : fromEmulator.readLine().split(" ")) {
        int eq = field.indexOf('=');
        report.put(field.substring(0, eq), field.substring(eq + 1));
      }
      long getToken = Long.parseLong(report.get("get_token"));
      long invalidGrant = Long.parseLong(report.get("invalid_grant"));
      List<Instant> refreshes = new ArrayList<>();
      for (String ms : report.get("refreshes").split(",")) {
        if (!ms.isEmpty()) {
          refreshes.add(Instant.ofEpochMilli(Long.parseLong(ms)));
        }
      }
      int perExpiry = maxWithin(refreshes, Duration.ofSeconds(TOKEN_SECONDS).dividedBy(4));
      String killedNote = kill ? " killed_lease_holder=" + (killed.join() ? 1 : 0) : "";
      System.out.println(
          "many-hosts store=" + store + " processes=" + processes + " seconds=" + seconds + " calls=" + calls
              + " errors=" + errors + " refreshes=" + refreshes.size() + " get_token=" + getToken
              + " invalid_grant=" + invalidGrant + " max_refreshes_per_expiry=" + perExpiry + killedNote);
      boolean met = errors == 0 && invalidGrant == 0 && perExpiry <= 1 && (!kill || killed.join());
      emulator.waitFor(30, TimeUnit.SECONDS);
      System.exit(met ? 0 : 1);
    } finally {
      emulator.destroy();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The most refreshes inside any span of {@code window}: more than one means two for the same expiry. */
  static int maxWithin(List<Instant> times, Duration window) {
    int max = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (Duration.between(times.get(j), times.get(i)).compareTo(window) > 0) {
        j++;
      }
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  private static boolean killWhenHolding(Process victim) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("HOLDING_LEASE")) {
          victim.destroyForcibly(); // SIGKILL: no shutdown hook, no release
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** The store's server for the run, on a free loopback port; stopped at the end. */
  interface StoreServer extends AutoCloseable {
    String url();

    @Override
    void close() throws IOException;

    static StoreServer start(String kind) throws IOException {
      if (kind.equals("postgres")) {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        JdbcSchema.create(pg.getPostgresDatabase(), JdbcSchema.DEFAULT_PREFIX);
        String url = pg.getJdbcUrl("postgres", "postgres");
        return new StoreServer() {
          @Override
          public String url() {
            return url;
          }

          @Override
          public void close() throws IOException {
            pg.close();
          }
        };
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      RedisServer redis = new RedisServer(port);
      redis.start();
      return new StoreServer() {
        @Override
        public String url() {
          return "redis://127.0.0.1:" + port;
        }

        @Override
        public void close() throws IOException {
          redis.stop();
        }
      };
    }
  }
}
