package dev.waasj.auth.verification;

import static dev.waasj.auth.verification.ResponseVector.AT_TIMESTAMP;
import static dev.waasj.auth.verification.ResponseVector.BODY;
import static dev.waasj.auth.verification.ResponseVector.SERVER_PUBLIC_KEY;
import static dev.waasj.auth.verification.ResponseVector.SIGNATURE;
import static dev.waasj.auth.verification.ResponseVector.TIMESTAMP;
import static dev.waasj.auth.verification.ResponseVector.serverSign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.ResponseSignatureException.Reason;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real loopback HTTP; the test plays the Cobo server, signing with the vector's server key via the JDK. */
class ResponseVerificationInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private OkHttpClient client = clientVerifyingAt(AT_TIMESTAMP);

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.close();
  }

  @Test
  void signedResponseReachesTheCallerIntact() throws Exception {
    server.enqueue(signed(200, BODY, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"));

    try (Response response = execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo(BODY);
    }
  }

  @Test
  void hyphenatedLowerCaseHeaderNamesAreAccepted() throws Exception {
    server.enqueue(signed(200, BODY, "biz-timestamp", "biz-resp-signature"));

    try (Response response = execute()) {
      assertThat(response.body().string()).isEqualTo(BODY);
    }
  }

  @Test
  void signedErrorResponseReachesTheCaller() throws Exception {
    String error = "{\"error_code\":2024,\"error_message\":\"API key authentication failed\",\"error_id\":\"e1\"}";
    server.enqueue(signed(401, error, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"));

    try (Response response = execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).isEqualTo(error);
    }
  }

  @Test
  void gzippedResponseIsVerifiedOverTheDecompressedBody() throws Exception {
    Buffer gzipped = new Buffer();
    try (var sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8(BODY);
    }
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Encoding", "gzip")
        .addHeader("BIZ_TIMESTAMP", TIMESTAMP)
        .addHeader("BIZ_RESP_SIGNATURE", SIGNATURE)
        .body(gzipped)
        .build());

    try (Response response = execute()) {
      assertThat(response.body().string()).isEqualTo(BODY);
    }
  }

  @Test
  void tamperedBodyFailsAsInvalid() {
    server.enqueue(new MockResponse.Builder()
        .addHeader("BIZ_TIMESTAMP", TIMESTAMP)
        .addHeader("BIZ_RESP_SIGNATURE", SIGNATURE)
        .body(BODY.replace("Bearer", "bearer"))
        .build());

    assertFailure(Reason.INVALID, 200);
  }

  @Test
  void unsignedSuccessFailsAsMissing() {
    server.enqueue(new MockResponse.Builder().body(BODY).build());

    assertFailure(Reason.MISSING, 200);
  }

  @Test
  void unsignedUnauthorizedFailsAsMissing() {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error_code\":2024}").build());

    assertFailure(Reason.MISSING, 401);
  }

  @Test
  void unsignedServiceUnavailablePassesThrough() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("<html>maintenance</html>").build());

    try (Response response = execute()) {
      assertThat(response.code()).isEqualTo(503);
      assertThat(response.body().string()).isEqualTo("<html>maintenance</html>");
    }
  }

  @Test
  void malformedSignatureFailsAsMalformed() {
    server.enqueue(new MockResponse.Builder()
        .addHeader("BIZ_TIMESTAMP", TIMESTAMP)
        .addHeader("BIZ_RESP_SIGNATURE", "not-a-signature")
        .body(BODY)
        .build());

    assertFailure(Reason.MALFORMED, 200);
  }

  @Test
  void oldResponseFailsAsStale() {
    client = clientVerifyingAt(Clock.offset(AT_TIMESTAMP, Duration.ofMinutes(6)));
    server.enqueue(signed(200, BODY, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"));

    assertFailure(Reason.STALE, 200);
  }

  @Test
  void bodyOverTheLimitIsRejectedUnread() {
    client = new OkHttpClient.Builder()
        .addInterceptor(new ResponseVerificationInterceptor(verifier(AT_TIMESTAMP), 1024))
        .build();
    String large = "x".repeat(1025);
    server.enqueue(signed(200, large, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"));

    assertFailure(Reason.MALFORMED, 200);
  }

  @Test
  void chunkedBodyOverTheLimitIsRejected() {
    client = new OkHttpClient.Builder()
        .addInterceptor(new ResponseVerificationInterceptor(verifier(AT_TIMESTAMP), 1024))
        .build();
    String large = "x".repeat(4096);
    server.enqueue(new MockResponse.Builder()
        .addHeader("BIZ_TIMESTAMP", TIMESTAMP)
        .addHeader("BIZ_RESP_SIGNATURE", serverSign(large, TIMESTAMP))
        .chunkedBody(large, 100)
        .build());

    assertFailure(Reason.MALFORMED, 200);
  }

  @Test
  void bodyAtTheLimitIsAccepted() throws Exception {
    client = new OkHttpClient.Builder()
        .addInterceptor(new ResponseVerificationInterceptor(verifier(AT_TIMESTAMP), 1024))
        .build();
    String exact = "x".repeat(1024);
    server.enqueue(new MockResponse.Builder()
        .addHeader("BIZ_TIMESTAMP", TIMESTAMP)
        .addHeader("BIZ_RESP_SIGNATURE", serverSign(exact, TIMESTAMP))
        .chunkedBody(exact, 100)
        .build());

    try (Response response = execute()) {
      assertThat(response.body().string()).isEqualTo(exact);
    }
  }

  @Test
  void asyncCallFailsWithTheCarrierInsteadOfKillingTheDispatcher() throws Exception {
    server.enqueue(new MockResponse.Builder().body(BODY).build());
    server.enqueue(signed(200, BODY, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"));

    CompletableFuture<IOException> failure = new CompletableFuture<>();
    client.newCall(request()).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        failure.complete(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        failure.completeExceptionally(new AssertionError("unsigned response was delivered"));
      }
    });

    IOException e = failure.get(10, TimeUnit.SECONDS);
    assertThat(e).isInstanceOf(FailureCarrier.class);
    assertThat(((ResponseSignatureException) ((FailureCarrier) e).failure()).reason()).isEqualTo(Reason.MISSING);
    try (Response next = execute()) {
      assertThat(next.body().string()).isEqualTo(BODY);
    }
  }

  // --- helpers ---

  private static ResponseVerifier verifier(Clock clock) {
    return new ResponseVerifier(SERVER_PUBLIC_KEY, ResponseVerifier.DEFAULT_WINDOW, clock);
  }

  private static OkHttpClient clientVerifyingAt(Clock clock) {
    return new OkHttpClient.Builder().addInterceptor(new ResponseVerificationInterceptor(verifier(clock))).build();
  }

  private static MockResponse signed(int code, String body, String timestampHeader, String signatureHeader) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader(timestampHeader, TIMESTAMP)
        .addHeader(signatureHeader, serverSign(body, TIMESTAMP))
        .body(body)
        .build();
  }

  private Request request() {
    return new Request.Builder().url(server.url("/v2/oauth/token")).build();
  }

  private Response execute() throws IOException {
    return client.newCall(request()).execute();
  }

  private void assertFailure(Reason reason, int status) {
    FailureCarrier carrier = catchThrowableOfType(FailureCarrier.class, () -> execute().close());
    assertThat(carrier).as("expected a FailureCarrier").isNotNull();
    assertThat(carrier.failure()).isInstanceOf(ResponseSignatureException.class);
    ResponseSignatureException failure = (ResponseSignatureException) carrier.failure();
    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(failure.statusCode()).isEqualTo(status);
    ResponseVerifierTest.assertNoLeak(failure.getMessage());
  }
}
