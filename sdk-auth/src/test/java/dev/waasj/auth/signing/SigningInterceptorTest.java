package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.RequestSigningException;
import dev.waasj.internal.call.FailureCarrier;
import dev.waasj.internal.crypto.JdkEd25519;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real loopback HTTP. Every signature is checked with the JDK's own Ed25519 over a string to sign rebuilt here,
 * independently of our code, from what MockWebServer received on the wire.
 */
class SigningInterceptorTest {
  private static final String API_KEY = CoboVectorsTest.API_KEY;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final MockWebServer server = new MockWebServer();
  private final Ed25519RequestSigner signer = Ed25519RequestSigner.fromHexSecret(CoboVectorsTest.API_SECRET);
  private final List<OkHttpClient> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() {
    for (OkHttpClient client : clients) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    server.close();
  }

  @Test
  void getQueryIsFormEncodedOnTheWireAndSignedAsSent() throws Exception {
    HttpUrl url = server.url("/v2/wallets").newBuilder()
        .addQueryParameter("space", "hello world")
        .addQueryParameter("tilde", "a~b")
        .addQueryParameter("star", "x*y")
        .addQueryParameter("slash", "a/b")
        .addQueryParameter("unicode", "\u65e5\u672c caf\u00e9")
        .addQueryParameter("plus", "1+1")
        .addQueryParameter("amp", "a&b=c")
        .build();
    server.enqueue(ok());

    execute(newClient(), new Request.Builder().url(url).build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(queryOf(recorded)).isEqualTo(
        "space=hello+world&tilde=a~b&star=x%2Ay&slash=a%2Fb&unicode=%E6%97%A5%E6%9C%AC+caf%C3%A9"
            + "&plus=1%2B1&amp=a%26b%3Dc");
    assertSignedAsSent(recorded);
  }

  @Test
  void serverDecodesTheCanonicalQueryToTheCallersValues() throws Exception {
    HttpUrl url = server.url("/v2/x").newBuilder()
        .addQueryParameter("q", "\u65e5 ~*/+&= x")
        .build();
    server.enqueue(ok());

    execute(newClient(), new Request.Builder().url(url).build());

    assertThat(server.takeRequest().getUrl().queryParameter("q")).isEqualTo("\u65e5 ~*/+&= x");
  }

  @Test
  void postJsonBodyIsSignedAsSent() throws Exception {
    String json = "{\"name\":\"caf\u00e9 \u65e5\u672c\",\"amount\":\"1.5\"}";
    server.enqueue(ok());

    execute(newClient(), new Request.Builder()
        .url(server.url("/v2/transactions/transfer"))
        .post(RequestBody.create(json, JSON))
        .build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getBody()).isEqualTo(ByteString.encodeUtf8(json));
    assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(queryOf(recorded)).isEmpty();
    assertSignedAsSent(recorded);
  }

  @Test
  void streamedBodyOfUnknownLengthIsSignedAsSent() throws Exception {
    RequestBody streamed = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{\"streamed\":").writeUtf8("true}");
      }
    };
    server.enqueue(ok());

    execute(newClient(), new Request.Builder().url(server.url("/v2/stream")).post(streamed).build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getBody()).isEqualTo(ByteString.encodeUtf8("{\"streamed\":true}"));
    assertSignedAsSent(recorded);
  }

  @Test
  void getVectorIsReproducedOnTheWire() throws Exception {
    OkHttpClient client = newClient(new SigningInterceptor(signer, fixedNonce(CoboVectorsTest.GET_NONCE)));
    server.enqueue(ok());

    execute(client, new Request.Builder().url(server.url("/v2/oauth/token?" + CoboVectorsTest.GET_QUERY)).build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getTarget()).isEqualTo("/v2/oauth/token?" + CoboVectorsTest.GET_QUERY);
    assertThat(recorded.getHeaders().get("BIZ-API-NONCE")).isEqualTo(CoboVectorsTest.GET_NONCE);
    assertThat(recorded.getHeaders().get("BIZ-API-KEY")).isEqualTo(API_KEY);
    assertThat(recorded.getHeaders().get("BIZ-API-SIGNATURE")).isEqualTo(CoboVectorsTest.GET_SIGNATURE);
  }

  @Test
  void postVectorIsReproducedOnTheWire() throws Exception {
    OkHttpClient client = newClient(new SigningInterceptor(signer, fixedNonce(CoboVectorsTest.POST_NONCE)));
    server.enqueue(ok());

    execute(client, new Request.Builder()
        .url(server.url("/v2/oauth/token"))
        .post(RequestBody.create(CoboVectorsTest.POST_BODY, JSON))
        .build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("BIZ-API-SIGNATURE")).isEqualTo(CoboVectorsTest.POST_SIGNATURE);
  }

  @Test
  void callerSetBizApiHeadersAreReplaced() throws Exception {
    server.enqueue(ok());

    execute(newClient(), new Request.Builder()
        .url(server.url("/v2/x"))
        .header("BIZ-API-NONCE", "1")
        .header("biz-api-signature", "forged")
        .header("BIZ_API_KEY", "forged")
        .header("Biz-Api-Extra", "forged")
        .build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().values("BIZ-API-NONCE")).hasSize(1).doesNotContain("1");
    assertThat(recorded.getHeaders().values("BIZ-API-SIGNATURE")).hasSize(1).doesNotContain("forged");
    assertThat(recorded.getHeaders().get("BIZ_API_KEY")).isNull();
    assertThat(recorded.getHeaders().get("Biz-Api-Extra")).isNull();
    assertSignedAsSent(recorded);
  }

  @Test
  void thousandConcurrentRequestsAreAllSignedWithDistinctIncreasingNonces() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok();
      }
    });
    OkHttpClient client = newClient();
    int threads = 16;
    int total = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String thread = Integer.toString(t);
        futures.add(pool.submit(() -> {
          start.await();
          for (int seq = 0; seq < total / threads + (thread.equals("0") ? total % threads : 0); seq++) {
            HttpUrl url = server.url("/v2/items").newBuilder()
                .addQueryParameter("thread", thread)
                .addQueryParameter("note", "seq " + seq)
                .build();
            execute(client, new Request.Builder()
                .url(url)
                .header("X-Thread", thread)
                .header("X-Seq", Integer.toString(seq))
                .post(RequestBody.create("{\"seq\":" + seq + "}", JSON))
                .build());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Set<String> nonces = new HashSet<>();
    Map<String, TreeMap<Integer, Long>> noncesByThread = new HashMap<>();
    for (int i = 0; i < total; i++) {
      RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(recorded).isNotNull();
      assertSignedAsSent(recorded);
      String nonce = recorded.getHeaders().get("BIZ-API-NONCE");
      nonces.add(nonce);
      noncesByThread
          .computeIfAbsent(recorded.getHeaders().get("X-Thread"), k -> new TreeMap<>())
          .put(Integer.parseInt(recorded.getHeaders().get("X-Seq")), Long.parseLong(nonce));
    }
    assertThat(nonces).hasSize(total);
    assertThat(noncesByThread).hasSize(threads);
    for (TreeMap<Integer, Long> bySeq : noncesByThread.values()) {
      assertThat(new ArrayList<>(bySeq.values())).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void silentRetryOnAStaleConnectionIsSignedAfresh() throws Exception {
    // Seed the pool, then drop the pooled connection after reading the next request: OkHttp retries that request
    // on a new connection by itself, and each attempt must carry its own nonce and signature.
    server.enqueue(ok());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("retried").build());
    OkHttpClient client = newClient();

    execute(client, new Request.Builder().url(server.url("/v2/seed")).build());
    try (Response response = client.newCall(new Request.Builder()
        .url(server.url("/v2/transfer?to=a b"))
        .post(RequestBody.create("{\"amount\":1}", JSON))
        .build()).execute()) {
      assertThat(response.body().string()).isEqualTo("retried");
    }

    server.takeRequest(); // the seed
    RecordedRequest firstAttempt = server.takeRequest();
    RecordedRequest retry = server.takeRequest();
    assertThat(retry.getConnectionIndex()).isNotEqualTo(firstAttempt.getConnectionIndex());
    assertSignedAsSent(firstAttempt);
    assertSignedAsSent(retry);
    assertThat(retry.getHeaders().get("BIZ-API-NONCE")).isNotEqualTo(firstAttempt.getHeaders().get("BIZ-API-NONCE"));
  }

  @Test
  void sameHostRedirectIsSignedForItsOwnPathAndNonce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v2/moved?page=2").build());
    server.enqueue(ok());

    execute(newClient(), new Request.Builder().url(server.url("/v2/original")).build());

    RecordedRequest original = server.takeRequest();
    RecordedRequest followUp = server.takeRequest();
    assertThat(followUp.getTarget()).isEqualTo("/v2/moved?page=2");
    assertSignedAsSent(original);
    assertSignedAsSent(followUp);
    assertThat(followUp.getHeaders().get("BIZ-API-NONCE")).isNotEqualTo(original.getHeaders().get("BIZ-API-NONCE"));
  }

  @Test
  void redirectToAnotherOriginIsNotSigned() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      server.enqueue(new MockResponse.Builder()
          .code(307)
          .addHeader("Location", other.url("/v2/steal").toString())
          .build());

      assertThatThrownBy(() -> execute(newClient(), new Request.Builder()
              .url(server.url("/v2/transfer"))
              .post(RequestBody.create("{}", JSON))
              .build()))
          .isInstanceOf(FailureCarrier.class)
          .hasMessageContaining("redirected the call from http://")
          .hasMessageContaining("configure it as the client's base URL")
          .extracting(e -> ((FailureCarrier) e).failure())
          .isInstanceOf(RequestSigningException.class);
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void failingSignerBecomesAFailureCarrier() {
    RequestSigner broken = new RequestSigner() {
      @Override
      public String apiKey() {
        return API_KEY;
      }

      @Override
      public byte[] sign(byte[] digest) {
        throw new IllegalStateException("HSM offline");
      }
    };

    assertThatThrownBy(() -> execute(newClient(new SigningInterceptor(broken)),
            new Request.Builder().url(server.url("/v2/x")).build()))
        .isInstanceOf(FailureCarrier.class)
        .hasMessageContaining("IllegalStateException");
    assertThat(server.getRequestCount()).isZero();
  }

  // --- helpers ---

  private OkHttpClient newClient() {
    return newClient(new SigningInterceptor(signer));
  }

  private OkHttpClient newClient(SigningInterceptor interceptor) {
    OkHttpClient client = new OkHttpClient.Builder().addNetworkInterceptor(interceptor).build();
    clients.add(client);
    return client;
  }

  private static NonceSource fixedNonce(String nonce) {
    return new NonceSource(Clock.fixed(Instant.ofEpochMilli(Long.parseLong(nonce)), ZoneOffset.UTC));
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("{}").build();
  }

  private static void execute(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  private static String queryOf(RecordedRequest recorded) {
    String target = recorded.getTarget();
    int question = target.indexOf('?');
    return question < 0 ? "" : target.substring(question + 1);
  }

  /**
   * Rebuilds METHOD|PATH|NONCE|PARAMS|BODY from the raw request line and body MockWebServer received and checks
   * the signature with the JDK's Ed25519.
   */
  private static void assertSignedAsSent(RecordedRequest recorded) {
    String target = recorded.getTarget();
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String nonce = recorded.getHeaders().get("BIZ-API-NONCE");
    String signature = recorded.getHeaders().get("BIZ-API-SIGNATURE");
    ByteString body = recorded.getBody() == null ? ByteString.EMPTY : recorded.getBody();
    byte[] head = (recorded.getMethod() + "|" + path + "|" + nonce + "|" + queryOf(recorded) + "|").getBytes(UTF_8);
    byte[] message = new byte[head.length + body.size()];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body.toByteArray(), 0, message, head.length, body.size());

    assertThat(recorded.getHeaders().get("BIZ-API-KEY")).isEqualTo(API_KEY);
    assertThat(nonce).matches("[0-9]{13}");
    assertThat(signature).matches("[0-9a-f]{128}");
    assertThat(JdkEd25519.verify(API_KEY, JdkEd25519.doubleSha256(message), signature))
        .as("signature over %s", new String(message, UTF_8))
        .isTrue();
  }
}
