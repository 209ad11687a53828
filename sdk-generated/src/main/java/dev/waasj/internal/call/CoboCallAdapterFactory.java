package dev.waasj.internal.call;

import com.squareup.moshi.Moshi;
import dev.waasj.internal.json.JsonModel;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Adapts service methods to the SDK's calling convention: {@code CompletableFuture<T>} runs asynchronously, {@code
 * T} synchronously, and {@code Response<T>} (alone or in a future) gives the whole successful response, status and
 * headers included. Error statuses always become typed exceptions.
 *
 * <p>It claims only the types it knows how to produce: futures and responses of the above, generated models (and
 * other {@link JsonModel} types), JDK types such as {@code String}, {@code List} or {@code Void}, and {@link
 * ResponseBody}. For anything else (an RxJava {@code Single}, a Guava future, Retrofit's own {@code Call}) it
 * returns null, so factories added after it can.
 */
public final class CoboCallAdapterFactory extends CallAdapter.Factory {
  private final ResponseMapper mapper;
  private final Executor completions;

  private CoboCallAdapterFactory(ResponseMapper mapper, Executor completions) {
    this.mapper = mapper;
    this.completions = completions;
  }

  /**
   * Creates the factory; {@code moshi} parses error bodies. Futures complete on the executor {@link
   * CompletableFuture}'s own async methods default to.
   */
  public static CoboCallAdapterFactory create(Moshi moshi) {
    return create(moshi, new CompletableFuture<Void>().defaultExecutor());
  }

  /** Creates the factory; futures complete on {@code completions}, never on an OkHttp thread. */
  public static CoboCallAdapterFactory create(Moshi moshi, Executor completions) {
    return new CoboCallAdapterFactory(new ResponseMapper(moshi), completions);
  }

  @Override
  public @Nullable CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == CompletableFuture.class) {
      Type inner = typeArgument(returnType, "CompletableFuture");
      if (getRawType(inner) == Response.class) {
        return new AsyncCallAdapter<>(typeArgument(inner, "Response"), mapper, true, completions);
      }
      return new AsyncCallAdapter<>(inner, mapper, false, completions);
    }
    if (raw == Response.class) {
      return new SyncCallAdapter<>(typeArgument(returnType, "Response"), mapper, true);
    }
    return owns(raw) ? new SyncCallAdapter<>(returnType, mapper, false) : null;
  }

  /** Body types this factory returns synchronously. */
  private static boolean owns(Class<?> raw) {
    if (Future.class.isAssignableFrom(raw)) {
      return false; // someone else's asynchronous type
    }
    return raw.isAnnotationPresent(JsonModel.class)
        || raw.isPrimitive()
        || raw.getName().startsWith("java.")
        || raw == ResponseBody.class;
  }

  private static Type typeArgument(Type type, String name) {
    if (!(type instanceof ParameterizedType)) {
      throw new IllegalArgumentException(name + " return type must be parameterized, e.g. " + name + "<Wallet>");
    }
    return getParameterUpperBound(0, (ParameterizedType) type);
  }
}
