package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.errors.CoboException;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.JsonFuzz;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile responses from a fixed seed through every public path: synchronous and asynchronous calls, the token
 * manager, and org-scoped calls. Bodies are signed (so they get past verification and reach the parsers) or not;
 * signature headers and statuses are mangled too. The only acceptable outcomes are a result or one of the SDK's own
 * exceptions; everything else is counted, and so is anything thrown on an OkHttp thread. Both counts must be zero.
 */
class ResponseFuzzTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final long SEED = 20261129L;
  static final int ROUNDS = 300;
  static final List<String> TOKEN_NAMES = List.of("access_token", "refresh_token", "token_type", "expires_in", "scope");
  static final Map<String, String> VALID_TOKEN =
      new java.util.LinkedHashMap<>(
          Map.of(
              "access_token", "\"AT-fuzz\"",
              "token_type", "\"Bearer\"",
              "scope", "\"\"",
              "expires_in", "43199",
              "refresh_token", "\"RT-fuzz\""));
  static final List<String> ERROR_NAMES = List.of("error_code", "error_message", "error_id", "error", "error_description");

  @StartStop final MockWebServer server = new MockWebServer();
  final Random random = new Random(SEED);
  final JsonFuzz fuzz = JsonFuzz.seeded(SEED);
  final Map<String, String> escaped = new TreeMap<>();
  final List<Throwable> onOkHttpThreads = new CopyOnWriteArrayList<>();
  Thread.UncaughtExceptionHandler previous;

  @BeforeEach
  void watchOkHttpThreads() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> onOkHttpThreads.add(e));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  /** A hostile answer: a fuzzed body, signed or mangled, with a random status. */
  final class Hostile extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      boolean tokenCall = request.getUrl().encodedPath().endsWith("/oauth/token");
      int status = random.nextInt(4) == 0 ? 200 + random.nextInt(400) : 200;
      byte[] body =
          tokenCall && status < 300 && random.nextBoolean()
              ? fuzz.near(VALID_TOKEN)
              : fuzz.next(status >= 400 ? ERROR_NAMES : tokenCall ? TOKEN_NAMES : List.of("data", "pagination"));
      MockResponse.Builder answer = Signed.bytes(status, body, Clock.systemUTC());
      switch (random.nextInt(10)) {
        case 0:
          answer.removeHeader("BIZ_RESP_SIGNATURE");
          break;
        case 1:
          answer.setHeader("BIZ_TIMESTAMP", List.of("", "-1", "1e3", "99999999999999999999", "abc").get(random.nextInt(5)));
          break;
        case 2:
          answer.setHeader("BIZ_RESP_SIGNATURE", List.of("", "zz", "00".repeat(64), "A".repeat(128)).get(random.nextInt(4)));
          break;
        case 3:
          answer = new MockResponse.Builder().code(status).body(new Buffer().write(body)); // unsigned
          break;
        default:
          break;
      }
      // A fresh connection per answer: MockWebServer's keep-alive writes meet delayed ACKs (40 ms a request).
      return answer.addHeader("Connection", "close").build();
    }
  }

  CoboClient client(boolean org) {
    server.setDispatcher(new Hostile());
    CoboClient.Builder b =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .serverPublicKey(Signed.PUBLIC_KEY)
            .apiSecret(SECRET)
            .sleeper((millis, call) -> {});
    return (org ? b.clientId("app").orgId("org") : b).build();
  }

  void run(String path, Runnable call) {
    try {
      call.run();
    } catch (CoboException e) {
      // an acceptable outcome
    } catch (RuntimeException | Error e) {
      escaped.putIfAbsent(path + ": " + e.getClass().getName(), String.valueOf(e.getMessage()));
    }
  }

  void runAsync(String path, CompletableFuture<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof CoboException)) {
        escaped.putIfAbsent(path + ": " + e.getCause().getClass().getName(), String.valueOf(e.getCause()));
      }
    } catch (Exception e) {
      escaped.putIfAbsent(path + ": " + e.getClass().getName(), String.valueOf(e));
    }
  }

  void rounds(Consumer<Integer> round) {
    for (int i = 0; i < ROUNDS; i++) {
      round.accept(i);
    }
  }

  @Test
  void everyPublicPathYieldsAResultOrTheSdksOwnException() {
    try (CoboClient plain = client(false)) {
      TestApi api = plain.api(TestApi.class);
      rounds(i -> run("sync token call", () -> api.getToken("app", "org", "org_implicit").accessToken()));
      rounds(i -> run("sync org call", () -> api.listWallets()));
      rounds(i -> runAsync("async token call", api.getTokenAsync("app", "org", "org_implicit")));
      rounds(i -> runAsync("async org call", api.listWalletsAsync()));
    }
    rounds(
        i -> {
          try (CoboClient org = client(true)) { // a fresh manager each round: every round fetches a token
            run("token manager", () -> org.tokens().accessToken());
            run("token manager refresh", () -> org.tokens().refresh());
            run("org-scoped sync call", () -> org.api(TestApi.class).listWallets());
            runAsync("org-scoped async call", org.api(TestApi.class).listWalletsAsync());
          }
        });

    System.out.printf("Fuzzed %d requests (seed %d): %d escaped, %d thrown on OkHttp threads%n",
        server.getRequestCount(), SEED, escaped.size(), onOkHttpThreads.size());
    assertThat(escaped).as("outcomes that are neither a result nor the SDK's exception").isEmpty();
    assertThat(onOkHttpThreads).as("exceptions thrown on OkHttp's threads").isEmpty();
    assertThat(server.getRequestCount()).isGreaterThan(4 * ROUNDS);
  }
}
