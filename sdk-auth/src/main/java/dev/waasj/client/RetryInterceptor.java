package dev.waasj.client;

import dev.waasj.internal.auth.ErrorCodes;
import dev.waasj.internal.call.FailureCarrier;
import dev.waasj.internal.call.RetryAfter;
import dev.waasj.internal.call.RetrySafety;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Applies a {@link RetryPolicy}; installed as an application interceptor above verification and signing, so every
 * attempt's answer is verified and every attempt is signed afresh.
 */
final class RetryInterceptor implements Interceptor {
  /** Waits between attempts; replaced in tests by one that records the waits instead. */
  interface Sleeper {
    /**
     * Waits {@code millis}, or less if {@code call} is cancelled meanwhile.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(long millis, Call call) throws InterruptedException;
  }

  /** Sleeps in short slices, so a cancelled call stops waiting within 50 ms. */
  static final Sleeper REAL_TIME =
      (millis, call) -> {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (!call.isCanceled() && (left = end - System.nanoTime()) > 0) {
          Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
        }
      };

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Call call = chain.call();
    boolean safe = RetrySafety.isSafeToResend(request);
    long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(call.timeout().timeoutNanos());
    long deadline = timeoutMillis > 0 ? clock.millis() + timeoutMillis : Long.MAX_VALUE;
    for (int retry = 0; ; retry++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (FailureCarrier e) {
        throw e; // a typed refusal (a forged answer, a redirect we will not sign): sending again cannot help
      } catch (IOException e) {
        if (retry >= policy.maxRetries() || call.isCanceled() || !retryable(e, safe)) {
          throw e;
        }
        long delay = backoff(retry);
        if (!fits(delay, deadline)) {
          throw e;
        }
        pause(delay, call);
        continue;
      }
      if (retry >= policy.maxRetries() || call.isCanceled() || !retryable(response, safe)) {
        return response;
      }
      long delay = delay(response, retry);
      if (delay < 0 || !fits(delay, deadline)) {
        return response; // the server wants a longer pause than the policy or the caller's deadline allows
      }
      response.close();
      pause(delay, call);
    }
  }

  private static boolean retryable(IOException e, boolean safe) {
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return false; // cancelled, or the call timeout: the caller gave up
    }
    // A connection that never opened carried no request, so even a request that may not be resent is safe.
    return safe || e instanceof ConnectException || e instanceof UnknownHostException;
  }

  private static boolean retryable(Response response, boolean safe) {
    int status = response.code();
    if (status == 429 || status == 503 || isRateLimitCode(response)) {
      return true; // the server did not act
    }
    return safe && (status == 502 || status == 504);
  }

  /** Cobo's rate-limit codes can come with other statuses than 429. */
  private static boolean isRateLimitCode(Response response) {
    if (response.code() >= 500) {
      return false;
    }
    Integer code = ErrorCodes.peek(response);
    return code != null && (code == 2010 || code == 2026);
  }

  /** The wait before the next attempt, or -1 when {@code Retry-After} exceeds the policy's maximum. */
  private long delay(Response response, int retry) {
    String header = response.header("Retry-After");
    Optional<Duration> asked = header == null ? Optional.empty() : RetryAfter.parse(header, clock);
    if (asked.isEmpty()) {
      return backoff(retry);
    }
    return asked.get().compareTo(policy.maxBackoff()) > 0 ? -1 : asked.get().toMillis();
  }

  /** {@code initialBackoff × 2^retry}, at most {@code maxBackoff}, plus up to a quarter more at random. */
  long backoff(int retry) {
    long max = policy.maxBackoff().toMillis();
    long base = policy.initialBackoff().toMillis();
    long capped = retry >= 31 || base > (max >> retry) ? max : Math.min(base << retry, max);
    return capped + ThreadLocalRandom.current().nextLong(capped / 4 + 1);
  }

  private boolean fits(long delay, long deadline) {
    return deadline == Long.MAX_VALUE || clock.millis() + delay < deadline;
  }

  private void pause(long millis, Call call) throws IOException {
    if (millis > 0) {
      try {
        sleeper.sleep(millis, call);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
    }
    if (call.isCanceled()) {
      throw new InterruptedIOException("cancelled while waiting to retry");
    }
  }
}
