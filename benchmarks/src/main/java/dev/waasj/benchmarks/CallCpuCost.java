package dev.waasj.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import com.sun.net.httpserver.HttpServer;
import dev.waasj.auth.signing.Ed25519RequestSigner;
import dev.waasj.auth.signing.RequestSignatures;
import dev.waasj.auth.signing.SigningInterceptor;
import dev.waasj.auth.verification.ResponseVerificationInterceptor;
import dev.waasj.auth.verification.ResponseVerifier;
import dev.waasj.client.CoboClient;
import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.testkit.TestKeyPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Client CPU per signed and verified call, next to what it is made of: the same HTTP exchange with bare OkHttp
 * (same request line and headers, same response bytes, nothing signed or verified) and one request signature plus
 * one response verification with the SDK's own signer and verifier (Bouncy Castle). The server is a minimal one
 * that answers every request with a fixed wallet page and a valid Cobo response signature; it runs in a child
 * process, so none of its CPU is counted.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.waasj.benchmarks.CallCpuCost [CALLS_PER_ROUND] [ROUNDS] [--detail]
 * </pre>
 *
 * <p>CPU is the client process's (every thread: the caller's, OkHttp's, the garbage collector's and the JIT's),
 * read from the OS before and after each batch, after a warm-up; the caller's own thread CPU is shown beside it.
 * The three candidates run alternately, round after round, and each figure is the median over rounds. The goal is
 * an SDK call within 25% of bare OkHttp plus one sign and one verify. With {@code --detail} it adds the pieces in
 * between: bare OkHttp with the SDK's signing interceptor alone, with its verification interceptor alone, and with
 * the response parsed by the SDK's Moshi.
 */
public final class CallCpuCost {
  private static final int WARM_UP_ROUNDS = 4;

  /** The call, as any client could make it; no name the spec decides. */
  interface Wallets {
    @GET("wallets")
    Map<String, Object> list(@Query("limit") int limit, @Query("after") @Nullable String after);
  }

  private CallCpuCost() {}

  /** Runs the comparison and prints the table; with {@code --server}, is the server. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--server")) {
      SigningServer.serve();
      return;
    }
    List<String> numbers = new ArrayList<>(List.of(args));
    boolean detail = numbers.remove("--detail");
    int calls = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 3000;
    int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 11;
    Process server = startServer();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), UTF_8));
      String[] hello = out.readLine().split(" "); // "PORT SERVER_PUBLIC_KEY"
      measure(Integer.parseInt(hello[0]), hello[1], calls, rounds, detail);
    } finally {
      server.destroy();
    }
  }

  private static Process startServer() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            // Without TCP_NODELAY the JDK's server meets delayed ACKs: 40 ms a request, wall time only.
            java.toString(), "-Xmx256m", "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"), CallCpuCost.class.getName(),
            "--server")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static void measure(int port, String serverKey, int calls, int rounds, boolean detail)
      throws Exception {
    TestKeyPair app = TestKeyPair.generate();
    String base = "http://127.0.0.1:" + port + "/v2";
    try (CoboClient cobo =
        CoboClient.builder().baseUrl(base).serverPublicKey(serverKey).apiSecret(app.seedHex()).build()) {
      Wallets sdk = cobo.api(Wallets.class);

      // Bare OkHttp sends the same request line and headers (a fixed signature; nobody checks it) and reads the
      // same bytes, which it neither verifies nor parses.
      OkHttpClient bare = new OkHttpClient();
      Ed25519RequestSigner signer = Ed25519RequestSigner.fromHexSecret(app.seedHex());
      String signature = RequestSignatures.sign(signer, "GET", "/v2/wallets", "1700000000000", "limit=10", new byte[0]);
      Request request =
          new Request.Builder()
              .url(base + "/wallets?limit=10")
              .header("User-Agent", "waasj/0.1.0-SNAPSHOT (Java " + Runtime.version().feature() + ")")
              .header("BIZ-API-KEY", signer.apiKey())
              .header("BIZ-API-NONCE", "1700000000000")
              .header("BIZ-API-SIGNATURE", signature)
              .build();

      // Sign one request and verify one response as the interceptors do, on a response the server really sent.
      Response sample = bare.newCall(request).execute();
      byte[] sampleBody = sample.body().bytes();
      String timestamp = sample.header("BIZ_TIMESTAMP");
      String responseSignature = sample.header("BIZ_RESP_SIGNATURE");
      sample.close();
      // Its clock stays at the sample's time, so the sample stays fresh however long the run takes.
      ResponseVerifier verifier =
          new ResponseVerifier(
              serverKey,
              ResponseVerifier.DEFAULT_WINDOW,
              Clock.fixed(Instant.ofEpochMilli(Long.parseLong(timestamp)), ZoneOffset.UTC));
      long[] nonce = {1_700_000_000_000L};

      List<Candidate> candidates =
          new ArrayList<>(List.of(
              new Candidate("SDK call (signed, verified, parsed)", () -> sdk.list(10, null)),
              new Candidate("bare OkHttp, same exchange", () -> exchange(bare, request)),
              new Candidate(
                  "one sign + one verify (SDK, Bouncy Castle)",
                  () -> {
                    RequestSignatures.sign(
                        signer, "GET", "/v2/wallets", Long.toString(nonce[0]++), "limit=10", new byte[0]);
                    verifier.verify(200, sampleBody, timestamp, responseSignature);
                  })));
      if (detail) {
        OkHttpClient signing = bare.newBuilder().addNetworkInterceptor(new SigningInterceptor(signer)).build();
        OkHttpClient verifying =
            bare.newBuilder()
                .addInterceptor(new ResponseVerificationInterceptor(ResponseVerifier.create(serverKey)))
                .build();
        JsonAdapter<Map<String, Object>> json =
            JsonSupport.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        candidates.add(new Candidate("  bare OkHttp + SigningInterceptor", () -> exchange(signing, request)));
        candidates.add(
            new Candidate("  bare OkHttp + ResponseVerificationInterceptor", () -> exchange(verifying, request)));
        candidates.add(
            new Candidate(
                "  bare OkHttp + Moshi parse",
                () -> {
                  try (Response r = bare.newCall(request).execute()) {
                    json.fromJson(r.body().source());
                  }
                }));
      }

      // Warm-up, interleaved like the measured rounds so every candidate's code reaches C2 in the same
      // conditions: with a single short pass, JIT work still running in later rounds made ratios drift by 0.3.
      for (int round = 0; round < WARM_UP_ROUNDS; round++) {
        for (Candidate c : candidates) {
          c.run(Math.max(2000, calls));
        }
      }
      for (int round = 0; round < rounds; round++) {
        for (Candidate c : candidates) {
          c.record(calls);
        }
      }
      print(candidates, calls, rounds, sampleBody.length);
    }
  }

  private static void exchange(OkHttpClient http, Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      r.body().bytes();
    }
  }

  private static void print(List<Candidate> candidates, int calls, int rounds, int bodyBytes) {
    System.out.printf(
        "Client CPU per call, loopback, %d rounds of %d calls, median (response body %d bytes; server in another"
            + " process)%n",
        rounds, calls, bodyBytes);
    System.out.printf("%-46s %14s %14s%n", "", "process µs", "caller µs");
    for (Candidate c : candidates.subList(0, 3)) {
      System.out.printf("%-46s %14.1f %14.1f%n", c.name, c.processMedian(), c.threadMedian());
    }
    double sdk = candidates.get(0).processMedian();
    double parts = candidates.get(1).processMedian() + candidates.get(2).processMedian();
    double sdkThread = candidates.get(0).threadMedian();
    double partsThread = candidates.get(1).threadMedian() + candidates.get(2).threadMedian();
    System.out.printf(
        "%-46s %14.2f %14.2f   (goal: at most 1.25)%n", "ratio SDK / (OkHttp + sign + verify)", sdk / parts,
        sdkThread / partsThread);
    if (candidates.size() > 3) {
      System.out.println("in between:");
      for (Candidate c : candidates.subList(3, candidates.size())) {
        System.out.printf("%-46s %14.1f %14.1f%n", c.name, c.processMedian(), c.threadMedian());
      }
    }
  }

  /** One way of making the exchange, and its CPU per call in each round. */
  private static final class Candidate {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    final String name;
    final Call call;
    final List<Double> process = new ArrayList<>();
    final List<Double> thread = new ArrayList<>();

    Candidate(String name, Call call) {
      this.name = name;
      this.call = call;
    }

    void run(int n) throws Exception {
      for (int i = 0; i < n; i++) {
        call.run();
      }
    }

    void record(int n) throws Exception {
      long process0 = OS.getProcessCpuTime();
      long thread0 = THREADS.getCurrentThreadCpuTime();
      run(n);
      thread.add((THREADS.getCurrentThreadCpuTime() - thread0) / 1e3 / n);
      process.add((OS.getProcessCpuTime() - process0) / 1e3 / n);
    }

    double processMedian() {
      return median(process);
    }

    double threadMedian() {
      return median(thread);
    }

    private static double median(List<Double> values) {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return sorted[sorted.length / 2];
    }
  }

  /** A call that may throw. */
  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  /**
   * The child process: answers every request on loopback with the same wallet page, signed like Cobo's answers
   * (Ed25519 over the double SHA-256 of {@code body|timestamp}, with the JDK's own Ed25519); the signature is
   * renewed once a second, well within the client's five-minute window. Prints {@code PORT PUBLIC_KEY}, then serves
   * until the parent ends it.
   */
  static final class SigningServer {
    private static final byte[] BODY = page();

    private final PrivateKey key;
    private volatile String[] signed = {"", ""};
    private volatile long signedAtSecond = -1;

    private SigningServer(PrivateKey key) {
      this.key = key;
    }

    static void serve() throws Exception {
      TestKeyPair serverKey = TestKeyPair.generate();
      byte[] seed = HexFormat.of().parseHex(serverKey.seedHex());
      PrivateKey key =
          KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      SigningServer signing = new SigningServer(key);
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      http.setExecutor(Executors.newFixedThreadPool(2));
      http.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] header = signing.signature();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("BIZ_TIMESTAMP", header[0]);
            exchange.getResponseHeaders().set("BIZ_RESP_SIGNATURE", header[1]);
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(BODY);
            }
          });
      http.start();
      System.out.println(http.getAddress().getPort() + " " + serverKey.publicKeyHex());
      System.out.flush();
      Thread.currentThread().join(); // until the parent destroys the process
    }

    /** {@code {timestamp, signature}}, renewed once a second. */
    private String[] signature() {
      long now = System.currentTimeMillis();
      if (now / 1000 != signedAtSecond) {
        synchronized (this) {
          if (now / 1000 != signedAtSecond) {
            String timestamp = Long.toString(now);
            signed = new String[] {timestamp, sign(timestamp)};
            signedAtSecond = now / 1000;
          }
        }
      }
      return signed;
    }

    private String sign(String timestamp) {
      byte[] suffix = ("|" + timestamp).getBytes(UTF_8);
      byte[] message = Arrays.copyOf(BODY, BODY.length + suffix.length);
      System.arraycopy(suffix, 0, message, BODY.length, suffix.length);
      try {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key);
        ed25519.update(Digests.doubleSha256(message));
        return HexFormat.of().formatHex(ed25519.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A page of three wallets, about a kilobyte, shaped like Cobo's. */
    private static byte[] page() {
      StringJoiner wallets = new StringJoiner(",", "[", "]");
      for (int i = 0; i < 3; i++) {
        wallets.add(
            "{\"wallet_id\":\"f47ac10b-58cc-4372-a567-0e02b2c3d47" + i + "\",\"wallet_type\":\"Custodial\","
                + "\"wallet_subtype\":\"Asset\",\"name\":\"Treasury " + i + "\",\"org_id\":\"ORG-1\","
                + "\"enable_auto_sweep\":false,\"created_timestamp\":1700000000000,"
                + "\"balances\":[{\"token_id\":\"ETH\",\"total\":\"12.5\",\"available\":\"12.5\"},"
                + "{\"token_id\":\"USDT_ERC20\",\"total\":\"1000.00\",\"available\":\"990.00\"}]}");
      }
      return ("{\"data\":" + wallets + ",\"pagination\":{\"before\":\"\",\"after\":\"\",\"total_count\":3}}")
          .getBytes(UTF_8);
    }
  }
}
