package dev.waasj.internal.call;

import java.io.IOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;

/**
 * Runs the call on the caller's thread and returns the body (or, for {@code Response<T>} methods, the whole
 * successful response), or throws a typed exception.
 */
final class SyncCallAdapter<T> implements CallAdapter<T, @Nullable Object> {
  private final Type responseType;
  private final ResponseMapper mapper;
  private final boolean wholeResponse;

  SyncCallAdapter(Type responseType, ResponseMapper mapper, boolean wholeResponse) {
    this.responseType = responseType;
    this.mapper = mapper;
    this.wholeResponse = wholeResponse;
  }

  @Override
  public Type responseType() {
    return responseType;
  }

  @Override
  public @Nullable Object adapt(Call<T> call) {
    RequiredArguments.check(call.request());
    try {
      Response<T> response = call.execute();
      T body = mapper.bodyOrThrow(response, responseType);
      return wholeResponse ? response : body;
    } catch (IOException | RuntimeException e) {
      throw mapper.failure(e);
    }
  }
}
