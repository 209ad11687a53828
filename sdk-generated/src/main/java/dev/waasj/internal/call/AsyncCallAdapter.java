package dev.waasj.internal.call;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Enqueues the call on OkHttp's dispatcher. The future completes with the body (or, for {@code
 * CompletableFuture<Response<T>>}, the whole successful response) or exceptionally with the same typed exceptions
 * the synchronous form throws; cancelling the future cancels the HTTP call.
 *
 * <p>The future is completed on {@code completions}, never on the OkHttp thread that read the answer: whatever the
 * caller chains on it ({@code thenApply}, a page walker's action) runs there, and cannot hold a dispatcher slot.
 */
final class AsyncCallAdapter<T> implements CallAdapter<T, CompletableFuture<@Nullable Object>> {
  private final Type responseType;
  private final ResponseMapper mapper;
  private final boolean wholeResponse;
  private final Executor completions;

  AsyncCallAdapter(Type responseType, ResponseMapper mapper, boolean wholeResponse, Executor completions) {
    this.responseType = responseType;
    this.mapper = mapper;
    this.wholeResponse = wholeResponse;
    this.completions = completions;
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
              succeed(wholeResponse ? response : body);
            } catch (Throwable t) {
              complete(t);
            }
          }

          @Override
          public void onFailure(Call<T> c, Throwable t) {
            complete(t);
          }

          private void complete(Throwable t) {
            Throwable failure;
            try {
              failure = mapper.failure(t);
            } catch (Throwable unmapped) { // an Error, or the caller's own IllegalArgumentException
              failure = unmapped;
            }
            Throwable outcome = failure;
            hand(() -> future.completeExceptionally(outcome));
          }

          private void succeed(@Nullable Object value) {
            hand(() -> future.complete(value));
          }

          /** Completes on the completion executor; inline only if it refuses (shut down), so no caller hangs. */
          private void hand(Runnable completion) {
            try {
              completions.execute(completion);
            } catch (RejectedExecutionException e) {
              completion.run();
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
      // Cancelled first: the call's own failure, which may be reported at once, must not win the race.
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      call.cancel();
      return cancelled;
    }
  }
}
