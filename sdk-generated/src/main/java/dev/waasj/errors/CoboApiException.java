package dev.waasj.errors;

import dev.waasj.internal.call.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Carries the HTTP status, the response headers and whichever error body
 * the server sent: Cobo's {@code {"error_code","error_message","error_id"}}, the OAuth-style {@code
 * {"error","error_description"}} returned by 4XX on the token endpoint, or the raw text of a non-JSON body such as a
 * proxy's HTML error page.
 *
 * <p>{@link #of} picks the most specific type: first by Cobo's {@code error_code} ({@link InvalidParameterException}
 * 1003/1006/2003/2006, {@link ApiKeyAuthenticationException} 2024, {@link PermissionDeniedException} 2025/4001, {@link
 * RateLimitException} 2010/2026, {@link NotFoundException} 2028, {@link DuplicateRequestIdException} 12009/30001),
 * then by status ({@link BadRequestException} 400, {@link AuthenticationException} 401, {@link
 * PermissionDeniedException} 403, {@link NotFoundException} 404, {@link RateLimitException} 429, {@link
 * ServerException} 5xx). Any other code stays this base type, with {@link #errorCode()} set.
 */
public class CoboApiException extends CoboException {
  private static final long serialVersionUID = 2L;

  private final ApiError error;

  /**
   * Creates the exception for {@code error}; {@link #of} picks the most specific subtype instead.
   *
   * @param error what the server answered
   */
  public CoboApiException(ApiError error) {
    this(error, error.describe());
  }

  /**
   * Creates the exception with a message of its own, for subtypes that explain more.
   *
   * @param error what the server answered
   * @param message the message; never a secret
   */
  protected CoboApiException(ApiError error, String message) {
    super(message);
    this.error = error;
  }

  /**
   * Returns the most specific exception type for the error, as the class comment describes.
   *
   * @param error what the server answered
   * @return the exception, not thrown
   */
  public static CoboApiException of(ApiError error) {
    Integer code = error.errorCode();
    if (code != null) {
      switch (code) {
        case 1003:
        case 1006:
        case 2003:
        case 2006:
          return new InvalidParameterException(error);
        case 2024:
          return new ApiKeyAuthenticationException(error);
        case 2025:
        case 4001:
          return new PermissionDeniedException(error);
        case 2010:
        case 2026:
          return new RateLimitException(error);
        case 2028:
          return new NotFoundException(error);
        case 12009:
        case 30001:
          return new DuplicateRequestIdException(error);
        default:
          break;
      }
    }
    int status = error.statusCode();
    if (status == 400) {
      return new BadRequestException(error);
    } else if (status == 401) {
      return new AuthenticationException(error);
    } else if (status == 403) {
      return new PermissionDeniedException(error);
    } else if (status == 404) {
      return new NotFoundException(error);
    } else if (status == 429) {
      return new RateLimitException(error);
    } else if (status >= 500) {
      return new ServerException(error);
    }
    return new CoboApiException(error);
  }

  /** Everything the server answered, as one value. */
  public ApiError error() {
    return error;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return error.statusCode();
  }

  /** Cobo's numeric {@code error_code}, or null when the body had none. */
  public @Nullable Integer errorCode() {
    return error.errorCode();
  }

  /** Cobo's {@code error_message}, or null. */
  public @Nullable String errorMessage() {
    return error.errorMessage();
  }

  /** Cobo's {@code error_id}: quote it to Cobo support. Null when the body had none. */
  public @Nullable String errorId() {
    return error.errorId();
  }

  /** The OAuth {@code error} (e.g. {@code invalid_grant}), or null. */
  public @Nullable String oauthError() {
    return error.oauthError();
  }

  /** The OAuth {@code error_description}, or null. */
  public @Nullable String oauthErrorDescription() {
    return error.oauthErrorDescription();
  }

  /** The response body as text, whatever its format, cut at {@link ApiError#MAX_RAW_BODY_CHARS}; empty when none. */
  public String rawBody() {
    return error.rawBody();
  }

  /** The response headers; names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return error.headers();
  }

  /** The first value of the response header {@code name} (case-insensitive), if any. */
  public Optional<String> header(String name) {
    return error.header(name);
  }

  /**
   * How long the server asked the client to wait before trying again, from now: its {@code Retry-After} header, in
   * seconds or as an HTTP date. Empty when the header is absent or unreadable.
   */
  public Optional<Duration> retryAfter() {
    return header("Retry-After").flatMap(value -> RetryAfter.parse(value, Clock.systemUTC()));
  }
}
