package dev.waasj.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.internal.json.JsonSupport;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * What every call costs the SDK's call layer, counted rather than timed: the body of a create is scanned for its
 * {@code request_id} once per call however often its retry safety is asked (the call factory and the retry layer
 * both ask), and once warm, checking a call's arguments and its retry safety reads no annotations and allocates
 * next to nothing per call.
 */
class HotPathTest {
  @StartStop final MockWebServer server = new MockWebServer();

  interface Api {
    @GET("wallets/{wallet_id}")
    Map<String, Object> get(@Path("wallet_id") String walletId, @Query("chain") @Nullable String chain);

    @Deduplicated(field = "request_id")
    @POST("transfers")
    Map<String, Object> create(@Body RequestBody body, @Query("note") @Nullable String note);
  }

  /** A body that counts how often it is written, as a scan for {@code request_id} must write it. */
  static final class CountingBody extends RequestBody {
    final AtomicInteger writes = new AtomicInteger();
    final String json;

    CountingBody(String json) {
      this.json = json;
    }

    @Override
    public MediaType contentType() {
      return MediaType.get("application/json");
    }

    @Override
    public void writeTo(BufferedSink sink) throws java.io.IOException {
      writes.incrementAndGet();
      sink.writeUtf8(json);
    }
  }

  /** The requests Retrofit builds for each call, as the SDK's client sees them in its call factory. */
  final List<Request> requests = new CopyOnWriteArrayList<>();

  Api api() {
    OkHttpClient http = new OkHttpClient();
    return new Retrofit.Builder()
        .baseUrl(server.url("/v2/"))
        .callFactory(
            request -> {
              requests.add(request);
              return http.newCall(request);
            })
        .addConverterFactory(MoshiConverterFactory.create(JsonSupport.moshi()))
        .addCallAdapterFactory(CoboCallAdapterFactory.create(JsonSupport.moshi()))
        .build()
        .create(Api.class);
  }

  @Test
  void theBodyOfACreateIsScannedForItsRequestIdOncePerCall() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    CountingBody withId = new CountingBody("{\"amount\":\"1\",\"request_id\":\"r-1\"}");
    CountingBody withoutId = new CountingBody("{\"amount\":\"1\",\"request_id\":\" \"}");
    api().create(withId, null);
    api().create(withoutId, null);
    Request first = requests.get(0);
    Request second = requests.get(1);
    int writesBySending = withId.writes.get(); // OkHttp wrote it once to send it

    // The call factory asks with Retrofit's request, the retry layer with one an interceptor rebuilt.
    assertThat(RetrySafety.isSafeToResend(first)).isTrue();
    assertThat(RetrySafety.isSafeToResend(first.newBuilder().header("Authorization", "Bearer x").build())).isTrue();
    assertThat(RetrySafety.isSafeToResend(first)).isTrue();
    assertThat(RetrySafety.isSafeToResend(second)).isFalse();
    assertThat(RetrySafety.isSafeToResend(second.newBuilder().header("X", "y").build())).isFalse();

    assertThat(withId.writes.get() - writesBySending).as("scans of the first call's body").isEqualTo(1);
    assertThat(withoutId.writes.get() - writesBySending).as("scans of the second call's body").isEqualTo(1);
  }

  @Test
  void onceWarmCheckingACallReadsNoAnnotationsAndAllocatesNextToNothing() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    api().get("w-1", null);
    api().create(new CountingBody("{\"request_id\":\"r-1\"}"), "n");
    Request get = requests.get(0);
    Request create = requests.get(1);

    long perCall = bytesPerCall(() -> {
      RequiredArguments.check(get);
      RequiredArguments.check(create);
      RetrySafety.isSafeToResend(get);
      RetrySafety.isSafeToResend(create);
    });

    // Reading parameter annotations and scanning the body per call allocate kilobytes (16 KB here before the
    // caches); what is left is OkHttp's tag lookup, a few bytes.
    System.out.printf("Per-call checks: %d bytes allocated per call%n", perCall);
    assertThat(perCall).isLessThan(256);
  }

  /** Bytes the current thread allocates per run of {@code work}, after a warm-up that lets the JIT settle. */
  static long bytesPerCall(Runnable work) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 50_000; i++) {
      work.run();
    }
    int runs = 20_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < runs; i++) {
      work.run();
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / runs;
  }
}
