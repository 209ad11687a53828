package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.auth.signing.Ed25519RequestSigner;
import dev.waasj.auth.signing.RequestSigner;
import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.RequestSigningException;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.call.FailureCarrier;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every failure raised inside an interceptor reaches the caller as the SDK's own exception, with a message that
 * says what to do, and is never retried: sync and async alike, and never on an OkHttp thread.
 */
class InterceptorFailuresTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  final AtomicInteger signatures = new AtomicInteger();

  /** The real signer, counting how often it is asked: once per attempt on the wire. */
  final RequestSigner counting =
      new RequestSigner() {
        final RequestSigner real = Ed25519RequestSigner.fromHexSecret(SECRET);

        @Override
        public String apiKey() {
          return real.apiKey();
        }

        @Override
        public byte[] sign(byte[] digest) {
          signatures.incrementAndGet();
          return real.sign(digest);
        }
      };

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(server.url("/v2").toString())
        .serverPublicKey(Signed.PUBLIC_KEY)
        .signer(counting)
        .sleeper((millis, call) -> {});
  }

  MockResponse redirectElsewhere() {
    return new MockResponse.Builder().code(307).addHeader("Location", elsewhere.url("/v2/wallets")).build();
  }

  @Test
  void aRedirectToAnotherOriginFailsOnceTypedAndIsNotRetried() {
    server.enqueue(redirectElsewhere());
    server.enqueue(redirectElsewhere());
    server.enqueue(redirectElsewhere());
    try (CoboClient client = builder().build()) {
      RequestSigningException e =
          catchThrowableOfType(RequestSigningException.class, () -> client.api(TestApi.class).listWallets());

      assertThat(e).hasMessageContaining("redirected the call from").hasMessageContaining("base URL");
    }
    assertThat(server.getRequestCount()).isEqualTo(1); // the GET is idempotent, yet not sent again
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(signatures).hasValue(1);
  }

  @Test
  void aRedirectRefusalFailsTheFutureWithTheSameType() {
    server.enqueue(redirectElsewhere());
    try (CoboClient client = builder().build()) {
      ExecutionException e =
          catchThrowableOfType(
              ExecutionException.class,
              () -> client.api(TestApi.class).listWalletsAsync().get(10, TimeUnit.SECONDS));

      assertThat(e.getCause()).isInstanceOf(RequestSigningException.class);
    }
  }

  @Test
  void aDuplexBodyIsRefusedBeforeItIsSentAndNotRetried() {
    RequestBody duplex =
        new RequestBody() {
          @Override
          public @Nullable MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{}");
          }

          @Override
          public boolean isDuplex() {
            return true;
          }
        };
    try (CoboClient client = builder().build()) {
      Request request = new Request.Builder().url(server.url("/v2/wallets")).put(duplex).build();

      FailureCarrier e =
          catchThrowableOfType(FailureCarrier.class, () -> client.httpClient().newCall(request).execute());

      assertThat(e.failure()).isInstanceOf(RequestSigningException.class).hasMessageContaining("duplex");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  /** A store whose disk is full: every save fails with the JDK's unchecked I/O exception. */
  static final class FullDisk implements TokenStore {
    @Override
    public @Nullable OrgToken load(String clientId, String orgId) {
      return null;
    }

    @Override
    public void save(OrgToken token) {
      throw new UncheckedIOException(new IOException("No space left on device"));
    }

    @Override
    public void delete(String clientId, String orgId) {}
  }

  @Test
  void aFailingTokenStoreIsATypedErrorForSyncAndAsyncCallsAndNoTokenIsSent() {
    server.enqueue(Signed.json(200, Signed.token("AT-secret", "RT-secret", 3600)).build());
    try (CoboClient client = builder().clientId("app").orgId("org").tokenStore(new FullDisk()).build()) {
      TokenStoreException sync =
          catchThrowableOfType(TokenStoreException.class, () -> client.api(TestApi.class).listWallets());
      ExecutionException async =
          catchThrowableOfType(
              ExecutionException.class,
              () -> client.api(TestApi.class).listWalletsAsync().get(10, TimeUnit.SECONDS));

      assertThat(sync).hasMessageContaining("Saving the new org token").hasCauseInstanceOf(UncheckedIOException.class);
      assertThat(sync.getMessage()).doesNotContain("AT-secret", "RT-secret");
      assertThat(async.getCause()).isInstanceOf(TokenStoreException.class);
    }
    // One token request: the unsaved token is saved again, not fetched again; no org call went out.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
