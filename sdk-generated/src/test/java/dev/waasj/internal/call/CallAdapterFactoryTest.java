package dev.waasj.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.NotFoundException;
import dev.waasj.internal.json.JsonSupport;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.GET;

/**
 * The call adapter claims only the return types it can produce, so other adapters compose with it as with
 * Retrofit's own; {@code Response<T>} gives callers the status and headers of a success.
 */
class CallAdapterFactoryTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** Someone else's asynchronous type, such as RxJava's {@code Single}. */
  static final class Single<T> {
    final Call<T> call;

    Single(Call<T> call) {
      this.call = call;
    }
  }

  /** Adapts {@link Single}; knows nothing of the SDK. */
  static final class SingleFactory extends CallAdapter.Factory {
    @Override
    public @Nullable CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      if (getRawType(returnType) != Single.class) {
        return null;
      }
      Type body = getParameterUpperBound(0, (java.lang.reflect.ParameterizedType) returnType);
      return new CallAdapter<Object, Single<Object>>() {
        @Override
        public Type responseType() {
          return body;
        }

        @Override
        public Single<Object> adapt(Call<Object> call) {
          return new Single<>(call);
        }
      };
    }
  }

  interface Service {
    @GET("things")
    Map<String, Object> plain();

    @GET("things")
    Response<Map<String, Object>> whole();

    @GET("things")
    CompletableFuture<Response<List<String>>> wholeAsync();

    @GET("things")
    Single<Map<String, Object>> single();

    @GET("things")
    Call<Map<String, Object>> call();
  }

  Service service() {
    return new Retrofit.Builder()
        .baseUrl(server.url("/v2/"))
        .client(new OkHttpClient())
        .addConverterFactory(MoshiConverterFactory.create(JsonSupport.moshi()))
        .addCallAdapterFactory(CoboCallAdapterFactory.create(JsonSupport.moshi()))
        .addCallAdapterFactory(new SingleFactory())
        .validateEagerly(true)
        .build()
        .create(Service.class);
  }

  @Test
  void typesItDoesNotOwnAreLeftToTheNextFactory() throws Exception {
    CoboCallAdapterFactory factory = CoboCallAdapterFactory.create(JsonSupport.moshi());
    Retrofit retrofit = new Retrofit.Builder().baseUrl("http://127.0.0.1/").build();

    assertThat(factory.get(Service.class.getMethod("single").getGenericReturnType(), new Annotation[0], retrofit))
        .isNull();
    assertThat(factory.get(Service.class.getMethod("call").getGenericReturnType(), new Annotation[0], retrofit))
        .isNull();
    assertThat(factory.get(Future.class, new Annotation[0], retrofit)).isNull();

    server.enqueue(new MockResponse.Builder().body("{\"a\":1}").build());
    Single<Map<String, Object>> single = service().single(); // built by the next factory
    assertThat(single.call.execute().body()).containsEntry("a", 1.0);
  }

  @Test
  void responseOfTGivesStatusAndHeadersOfASuccessAndErrorsStillThrowTyped() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("X-Request-Id", "r-1").body("{\"a\":1}").build());
    server.enqueue(new MockResponse.Builder().code(202).body("[\"x\"]").build());
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error_code\":2028}").build());

    Response<Map<String, Object>> whole = service().whole();
    Response<List<String>> async = service().wholeAsync().get(10, TimeUnit.SECONDS);
    ExecutionException notFound =
        catchThrowableOfType(ExecutionException.class, () -> service().wholeAsync().get(10, TimeUnit.SECONDS));

    assertThat(whole.code()).isEqualTo(201);
    assertThat(whole.headers().get("X-Request-Id")).isEqualTo("r-1");
    assertThat(whole.body()).containsEntry("a", 1.0);
    assertThat(async.code()).isEqualTo(202);
    assertThat(async.body()).containsExactly("x");
    assertThat(notFound.getCause()).isInstanceOf(NotFoundException.class);
  }
}
