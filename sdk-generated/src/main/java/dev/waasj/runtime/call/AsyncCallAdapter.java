package dev.waasj.runtime.call;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Enqueues the call on OkHttp's dispatcher. The future completes with the body or exceptionally with the same
 * typed exceptions the synchronous form throws; cancelling the future cancels the HTTP call.
 */
final class AsyncCallAdapter<T> implements CallAdapter<T, CompletableFuture<@Nullable T>> {
  private final Type responseType;
  private final ResponseMapper mapper;

  AsyncCallAdapter(Type responseType, ResponseMapper mapper) {
    this.responseType = responseType;
    this.mapper = mapper;
  }

  @Override
  public Type responseType() {
    return responseType;
  }

  @Override
  public CompletableFuture<@Nullable T> adapt(Call<T> call) {
    // Bad arguments are the caller's bug: throw now, on the caller's thread, rather than in a future.
    RequiredArguments.check(call.request());
    CallFuture<T> future = new CallFuture<>(call);
    call.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> c, Response<T> response) {
            try {
              future.complete(mapper.bodyOrThrow(response));
            } catch (RuntimeException e) {
              future.completeExceptionally(mapper.failure(e));
            }
          }

          @Override
          public void onFailure(Call<T> c, Throwable t) {
            future.completeExceptionally(mapper.failure(t));
          }
        });
    return future;
  }

  /** A future that cancels its HTTP call when cancelled. */
  private static final class CallFuture<T> extends CompletableFuture<@Nullable T> {
    private final Call<?> call;

    CallFuture(Call<?> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      call.cancel();
      return super.cancel(mayInterruptIfRunning);
    }
  }
}
