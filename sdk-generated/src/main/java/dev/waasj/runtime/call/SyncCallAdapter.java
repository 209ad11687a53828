package dev.waasj.runtime.call;

import java.io.IOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;

/** Runs the call on the caller's thread and returns the body, or throws a typed exception. */
final class SyncCallAdapter<T> implements CallAdapter<T, @Nullable T> {
  private final Type responseType;
  private final ResponseMapper mapper;

  SyncCallAdapter(Type responseType, ResponseMapper mapper) {
    this.responseType = responseType;
    this.mapper = mapper;
  }

  @Override
  public Type responseType() {
    return responseType;
  }

  @Override
  public @Nullable T adapt(Call<T> call) {
    RequiredArguments.check(call.request());
    try {
      return mapper.bodyOrThrow(call.execute());
    } catch (IOException | RuntimeException e) {
      throw mapper.failure(e);
    }
  }
}
