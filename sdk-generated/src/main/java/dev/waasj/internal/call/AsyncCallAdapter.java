package dev.waasj.internal.call;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Enqueues the call on OkHttp's dispatcher. The future completes with the body (or, for {@code
 * CompletableFuture<Response<T>>}, the whole successful response) or exceptionally with the same typed exceptions
 * the synchronous form throws; cancelling the future cancels the HTTP call.
 */
final class AsyncCallAdapter<T> implements CallAdapter<T, CompletableFuture<@Nullable Object>> {
  private final Type responseType;
  private final ResponseMapper mapper;
  private final boolean wholeResponse;

  AsyncCallAdapter(Type responseType, ResponseMapper mapper, boolean wholeResponse) {
    this.responseType = responseType;
    this.mapper = mapper;
    this.wholeResponse = wholeResponse;
  }

  @Override
  public Type responseType() {
    return responseType;
  }

  @Override
  public CompletableFuture<@Nullable Object> adapt(Call<T> call) {
    // Bad arguments are the caller's bug: throw now, on the caller's thread, rather than in a future.
    RequiredArguments.check(call.request());
    CallFuture future = new CallFuture(call);
    call.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> c, Response<T> response) {
            // Runs on an OkHttp thread: nothing may escape it, so every outcome completes the future.
            try {
              T body = mapper.bodyOrThrow(response, responseType);
              future.complete(wholeResponse ? response : body);
            } catch (Throwable t) {
              complete(t);
            }
          }

          @Override
          public void onFailure(Call<T> c, Throwable t) {
            complete(t);
          }

          private void complete(Throwable t) {
            try {
              future.completeExceptionally(mapper.failure(t));
            } catch (Throwable unmapped) { // an Error, or the caller's own IllegalArgumentException
              future.completeExceptionally(unmapped);
            }
          }
        });
    return future;
  }

  /** A future that cancels its HTTP call when cancelled. */
  private static final class CallFuture extends CompletableFuture<@Nullable Object> {
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
