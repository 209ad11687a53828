package dev.waasj.errors;

/** HTTP 429: too many requests. The SDK's retry policy has already honoured {@code Retry-After} where it could. */
public class RateLimitException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public RateLimitException(ApiError error) {
    super(error);
  }
}
