package dev.waasj.runtime.call;

import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Adapts generated service methods: a method returning {@code CompletableFuture<T>} runs asynchronously, any other
 * return type (except {@link Call}, left to Retrofit) runs synchronously and returns the body or throws.
 */
public final class CoboCallAdapterFactory extends CallAdapter.Factory {
  private final ResponseMapper mapper;

  private CoboCallAdapterFactory(ResponseMapper mapper) {
    this.mapper = mapper;
  }

  /** Creates the factory; {@code moshi} parses error bodies. */
  public static CoboCallAdapterFactory create(Moshi moshi) {
    return new CoboCallAdapterFactory(new ResponseMapper(moshi));
  }

  @Override
  public @Nullable CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      return null;
    }
    if (raw == CompletableFuture.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException("CompletableFuture return type must be parameterized");
      }
      Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new AsyncCallAdapter<>(body, mapper);
    }
    return new SyncCallAdapter<>(returnType, mapper);
  }
}
