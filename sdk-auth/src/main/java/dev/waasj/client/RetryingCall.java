package dev.waasj.client;

import dev.waasj.internal.call.FailureCarrier;
import dev.waasj.internal.call.RetrySafety;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * One logical call: its attempts on the wire, and the waits between them, decided by {@link RetryDecider}.
 *
 * <p>Retries live here rather than in an interceptor so that an asynchronous call never waits on one of OkHttp's
 * dispatcher threads: between attempts it holds no dispatcher slot, and the next attempt is enqueued by a timer.
 * A synchronous call waits on the caller's thread. The call's {@link #timeout()} is a deadline for the whole call,
 * waits included: each attempt gets what is left of it, and a wait that would cross it is not started.
 *
 * <p>Each attempt is a new OkHttp call on the client chosen for the request: one that may silently resend on a
 * connection failure when the request is safe to resend, one that may not otherwise. Every attempt passes the
 * SDK's interceptors again, so it carries the current org token and is signed afresh.
 */
final class RetryingCall implements Call {
  private final Request request;
  private final OkHttpClient attemptClient;
  private final RetryDecider decider;
  private final RetryWaits waits;
  private final Clock clock;
  private final CoboListener listener;
  private final Timeout timeout;
  private final AtomicBoolean executed = new AtomicBoolean();
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean canceled;
  private volatile @Nullable Call current;
  private volatile @Nullable Future<?> pendingRetry;
  private volatile @Nullable Once asyncCallback;
  private final Map<Class<?>, Object> callTags = new ConcurrentHashMap<>();

  RetryingCall(
      Request request,
      OkHttpClient attemptClient,
      RetryDecider decider,
      RetryWaits waits,
      Clock clock,
      CoboListener listener) {
    this.request = request;
    this.attemptClient = attemptClient;
    this.decider = decider;
    this.waits = waits;
    this.clock = clock;
    this.listener = listener;
    this.timeout = new Timeout().timeout(attemptClient.callTimeoutMillis(), TimeUnit.MILLISECONDS);
  }

  /** A call for {@code request} on {@code safe} when it may be resent after a lost answer, else on {@code once}. */
  static RetryingCall create(
      Request request,
      OkHttpClient safe,
      OkHttpClient once,
      RetryPolicy policy,
      RetryWaits waits,
      Clock clock,
      CoboListener listener) {
    boolean resendable = RetrySafety.isSafeToResend(request);
    return new RetryingCall(
        request, resendable ? safe : once, new RetryDecider(policy, resendable, clock), waits, clock, listener);
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() throws IOException {
    markExecuted();
    long deadline = deadline();
    CallObserver observer = CallObserver.start(listener, request);
    for (int retry = 0; ; retry++) {
      Response response;
      try {
        Call attempt = newAttempt(deadline);
        observer.attemptStarted();
        response = attempt.execute();
      } catch (IOException e) {
        // A FailureCarrier is a typed refusal (a forged answer, a redirect we will not sign): never retried.
        long delay = e instanceof FailureCarrier ? -1 : decider.afterFailure(e, retry);
        boolean last = delay < 0 || canceled || !fits(delay, deadline);
        observer.attemptFailed(e, last ? -1 : delay, canceled);
        if (last) {
          throw e;
        }
        pause(delay);
        continue;
      }
      long delay = decider.afterResponse(response, retry);
      boolean last = delay < 0 || canceled || !fits(delay, deadline);
      observer.attemptAnswered(response, last ? -1 : delay);
      if (last) {
        return response; // final, or the wait would cross the caller's deadline
      }
      response.close();
      pause(delay);
    }
  }

  @Override
  public void enqueue(Callback callback) {
    markExecuted();
    Once once = new Once(callback, CallObserver.start(listener, request));
    asyncCallback = once;
    attemptAsync(0, deadline(), once);
  }

  private void attemptAsync(int retry, long deadline, Once callback) {
    CallObserver observer = callback.observer;
    Call attempt;
    try {
      attempt = newAttempt(deadline);
    } catch (IOException e) {
      observer.attemptFailed(e, -1, canceled);
      callback.failure(this, e);
      return;
    } catch (RuntimeException e) { // a client shut down under us: the callback must still hear of it
      IOException failure = new IOException("Could not start the next attempt", e);
      observer.attemptFailed(failure, -1, canceled);
      callback.failure(this, failure);
      return;
    }
    observer.attemptStarted();
    attempt.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            long delay = e instanceof FailureCarrier ? -1 : decider.afterFailure(e, retry);
            boolean last = delay < 0 || canceled || !fits(delay, deadline);
            observer.attemptFailed(e, last ? -1 : delay, canceled);
            if (last) {
              callback.failure(RetryingCall.this, e);
            } else {
              later(delay, retry, deadline, callback);
            }
          }

          @Override
          public void onResponse(Call call, Response response) throws IOException {
            long delay = decider.afterResponse(response, retry);
            boolean last = delay < 0 || canceled || !fits(delay, deadline);
            observer.attemptAnswered(response, last ? -1 : delay);
            if (last) {
              callback.response(RetryingCall.this, response);
            } else {
              response.close();
              later(delay, retry, deadline, callback);
            }
          }
        });
  }

  /** Schedules the next attempt; no thread is held while waiting. */
  private void later(long delay, int retry, long deadline, Once callback) {
    pendingRetry = waits.schedule(delay, this, () -> attemptAsync(retry + 1, deadline, callback));
    if (canceled) {
      cancelPending(); // cancel() ran between our check and the scheduling
    }
  }

  private Call newAttempt(long deadline) throws IOException {
    if (canceled) {
      throw new InterruptedIOException("Canceled");
    }
    Call attempt = attemptClient.newCall(request);
    for (EventListener listener : listeners) {
      attempt.addEventListener(listener);
    }
    if (deadline != Long.MAX_VALUE) {
      long left = deadline - clock.millis();
      if (left <= 0) {
        throw new InterruptedIOException("timeout");
      }
      attempt.timeout().timeout(left, TimeUnit.MILLISECONDS);
    }
    current = attempt;
    if (canceled) {
      attempt.cancel(); // cancel() ran before current was set
    }
    return attempt;
  }

  private long deadline() {
    long nanos = timeout.timeoutNanos();
    return nanos > 0 ? clock.millis() + TimeUnit.NANOSECONDS.toMillis(nanos) : Long.MAX_VALUE;
  }

  private boolean fits(long delay, long deadline) {
    return deadline == Long.MAX_VALUE || clock.millis() + delay < deadline;
  }

  private void pause(long millis) throws IOException {
    if (millis > 0) {
      try {
        waits.sleep(millis, this);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
    }
    if (canceled) {
      throw new InterruptedIOException("cancelled while waiting to retry");
    }
  }

  private void markExecuted() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("Already Executed");
    }
  }

  @Override
  public void cancel() {
    canceled = true;
    Call attempt = current;
    if (attempt != null) {
      attempt.cancel();
    }
    cancelPending();
  }

  /** Stops a scheduled retry; the callback then hears of the cancellation, once. */
  private void cancelPending() {
    Future<?> pending = pendingRetry;
    Once callback = asyncCallback;
    if (pending != null && callback != null && pending.cancel(false)) {
      InterruptedIOException e = new InterruptedIOException("Canceled");
      callback.observer.attemptFailed(e, -1, true);
      callback.failure(this, e);
    }
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public Timeout timeout() {
    return timeout;
  }

  @Override
  public void addEventListener(EventListener listener) {
    listeners.add(listener);
  }

  @Override
  public <T> @Nullable T tag(KClass<T> type) {
    return tag(JvmClassMappingKt.getJavaClass(type));
  }

  @Override
  public <T> @Nullable T tag(Class<? extends T> type) {
    Object own = callTags.get(type);
    return own != null ? type.cast(own) : request.tag(type);
  }

  @Override
  public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
    return tag(JvmClassMappingKt.getJavaClass(type), computeIfAbsent);
  }

  @Override
  public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
    T fromRequest = request.tag(type);
    if (fromRequest != null) {
      return fromRequest;
    }
    return type.cast(callTags.computeIfAbsent(type, t -> computeIfAbsent.invoke()));
  }

  @SuppressWarnings("MethodDoesntCallSuperMethod")
  @Override
  public RetryingCall clone() {
    return new RetryingCall(request, attemptClient, decider, waits, clock, listener);
  }

  @Override
  public String toString() {
    return "RetryingCall{" + request.method() + ' ' + request.url().encodedPath() + '}';
  }

  /** Hands the caller's callback exactly one outcome, whatever races between cancellation and a retry. */
  private static final class Once {
    private final Callback callback;
    final CallObserver observer;
    private final AtomicBoolean done = new AtomicBoolean();

    Once(Callback callback, CallObserver observer) {
      this.callback = callback;
      this.observer = observer;
    }

    void failure(Call call, IOException e) {
      if (done.compareAndSet(false, true)) {
        callback.onFailure(call, e);
      }
    }

    void response(Call call, Response response) throws IOException {
      if (done.compareAndSet(false, true)) {
        callback.onResponse(call, response);
      } else {
        response.close();
      }
    }
  }
}
