package dev.waasj.client;

import dev.waasj.internal.auth.ErrorCodes;
import dev.waasj.internal.call.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;

/**
 * Decides, for one call, whether an attempt's outcome is worth another attempt and how long to wait first.
 *
 * <p>Only an answer that proves the server did not act is retried for every request: 429, or Cobo's rate-limit
 * codes 2010/2026 under a 4xx status, and a connection that never opened. A 502, 503 or 504, a lost connection and a
 * read timeout leave the request's fate unknown (a proxy may answer 503 after forwarding it), so they are retried
 * only when the request is safe to resend: an idempotent method, or a create carrying a {@code request_id}. A token
 * refresh and a create without a {@code request_id} are therefore sent at most once past the connection. Never a
 * 500, never a bad signature.
 */
final class RetryDecider {
  private final RetryPolicy policy;
  private final boolean resendable;
  private final Clock clock;

  RetryDecider(RetryPolicy policy, boolean resendable, Clock clock) {
    this.policy = policy;
    this.resendable = resendable;
    this.clock = clock;
  }

  /** The wait before retry number {@code retry + 1} after {@code e}, or -1 for no retry. */
  long afterFailure(IOException e, int retry) {
    if (retry >= policy.maxRetries() || !retryable(e)) {
      return -1;
    }
    return backoff(retry);
  }

  /** The wait before retry number {@code retry + 1} after {@code response}, or -1 to hand it to the caller. */
  long afterResponse(Response response, int retry) {
    if (retry >= policy.maxRetries() || !retryable(response)) {
      return -1;
    }
    String header = response.header("Retry-After");
    Optional<Duration> asked = header == null ? Optional.empty() : RetryAfter.parse(header, clock);
    if (asked.isEmpty()) {
      return backoff(retry);
    }
    // The server wants a longer pause than the policy allows: the caller decides, with retryAfter() in hand.
    return asked.get().compareTo(policy.maxBackoff()) > 0 ? -1 : asked.get().toMillis();
  }

  private boolean retryable(IOException e) {
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return false; // cancelled, or the call's deadline: the caller gave up
    }
    // A connection that never opened carried no request, so even a request that may not be resent is safe.
    return resendable || e instanceof ConnectException || e instanceof UnknownHostException;
  }

  private boolean retryable(Response response) {
    int status = response.code();
    if (status == 429 || isRateLimitCode(response)) {
      return true; // refused unprocessed
    }
    return resendable && (status == 502 || status == 503 || status == 504);
  }

  /** Cobo's rate-limit codes can come with other statuses than 429. */
  private static boolean isRateLimitCode(Response response) {
    if (response.code() >= 500) {
      return false;
    }
    Integer code = ErrorCodes.peek(response);
    return code != null && (code == 2010 || code == 2026);
  }

  /** {@code initialBackoff × 2^retry}, at most {@code maxBackoff}, plus up to a quarter more at random. */
  long backoff(int retry) {
    long max = policy.maxBackoff().toMillis();
    long base = policy.initialBackoff().toMillis();
    long capped = retry >= 31 || base > (max >> retry) ? max : Math.min(base << retry, max);
    return capped + ThreadLocalRandom.current().nextLong(capped / 4 + 1);
  }
}
