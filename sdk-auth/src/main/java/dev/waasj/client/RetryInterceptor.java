package dev.waasj.client;

import dev.waasj.errors.FailureCarrier;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Applies a {@link RetryPolicy}; installed as an application interceptor so each attempt is re-signed below it. */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** Sleeps between attempts; replaced in tests so they need not wait. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean idempotent = IDEMPOTENT.contains(request.method());
    for (int retry = 0; ; retry++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (FailureCarrier e) {
        throw e; // fail closed: a forged or unsigned answer is not a transient fault
      } catch (IOException e) {
        if (retry >= policy.maxRetries() || chain.call().isCanceled() || !retryable(e, idempotent)) {
          throw e;
        }
        pause(backoff(retry));
        continue;
      }
      if (retry >= policy.maxRetries() || !retryable(response.code(), idempotent)) {
        return response;
      }
      long delay = delay(response, retry);
      if (delay < 0) {
        return response; // the server asked for a longer pause than we are allowed to wait
      }
      response.close();
      pause(delay);
    }
  }

  private static boolean retryable(IOException e, boolean idempotent) {
    if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
      return false; // cancelled or call timeout: the caller gave up
    }
    // A connection that never opened carried no request, so even a POST is safe to send again.
    return idempotent || e instanceof ConnectException || e instanceof UnknownHostException;
  }

  private static boolean retryable(int status, boolean idempotent) {
    if (status == 429 || status == 503) {
      return true;
    }
    return idempotent && (status == 502 || status == 504);
  }

  /** The delay before the next attempt, or -1 when {@code Retry-After} exceeds the policy's maximum. */
  private long delay(Response response, int retry) {
    Long retryAfter = retryAfterMillis(response.header("Retry-After"));
    if (retryAfter == null) {
      return backoff(retry);
    }
    return retryAfter > policy.maxBackoff().toMillis() ? -1 : retryAfter;
  }

  private long backoff(int retry) {
    long base = policy.initialBackoff().toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, policy.maxBackoff().toMillis());
    // Full jitter in [capped/2, capped]: spreads retries of many clients without giving up the backoff.
    return capped <= 1 ? capped : capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  private static @Nullable Long retryAfterMillis(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : seconds * 1000;
    } catch (NumberFormatException e) {
      return null; // an HTTP-date: rare from Cobo; fall back to our own backoff
    }
  }

  private void pause(long millis) throws IOException {
    if (millis <= 0) {
      return;
    }
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
