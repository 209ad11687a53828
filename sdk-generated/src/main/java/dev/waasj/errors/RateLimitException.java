package dev.waasj.errors;

/**
 * HTTP 429 or {@code error_code} 2010/2026: too many requests. The SDK's retry policy has already waited and retried
 * (honouring {@code Retry-After}, else backing off exponentially from 1 s) as far as its limits allow; {@link
 * #retryAfter()} says how long the server still wants.
 */
public class RateLimitException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public RateLimitException(ApiError error) {
    super(error);
  }
}
