package dev.waasj.errors;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Carries the HTTP status and whichever error body the server sent:
 * Cobo's {@code {"error_code","error_message","error_id"}}, the OAuth-style {@code {"error","error_description"}}
 * returned by 4XX on the token endpoint, or the raw text of a non-JSON body such as a proxy's HTML error page.
 *
 * <p>Use {@link #of} to get the most specific subtype for a status.
 */
public class CoboApiException extends CoboException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable Integer errorCode;
  private final @Nullable String errorMessage;
  private final @Nullable String errorId;
  private final @Nullable String oauthError;
  private final @Nullable String oauthErrorDescription;
  private final String rawBody;

  /** Creates the exception from a parsed error; prefer {@link #of}. */
  public CoboApiException(ApiError error) {
    super(describe(error));
    this.statusCode = error.statusCode;
    this.errorCode = error.errorCode;
    this.errorMessage = error.errorMessage;
    this.errorId = error.errorId;
    this.oauthError = error.oauthError;
    this.oauthErrorDescription = error.oauthErrorDescription;
    this.rawBody = error.rawBody;
  }

  /** Returns the most specific exception type for the error's HTTP status. */
  public static CoboApiException of(ApiError error) {
    int status = error.statusCode;
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

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Cobo's numeric {@code error_code}, or null when the body had none. */
  public @Nullable Integer errorCode() {
    return errorCode;
  }

  /** Cobo's {@code error_message}, or null. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** Cobo's {@code error_id}: quote it to Cobo support. Null when the body had none. */
  public @Nullable String errorId() {
    return errorId;
  }

  /** The OAuth {@code error} (e.g. {@code invalid_grant}), or null. */
  public @Nullable String oauthError() {
    return oauthError;
  }

  /** The OAuth {@code error_description}, or null. */
  public @Nullable String oauthErrorDescription() {
    return oauthErrorDescription;
  }

  /** The response body as text, whatever its format; empty when there was none. */
  public String rawBody() {
    return rawBody;
  }

  private static String describe(ApiError e) {
    StringBuilder s = new StringBuilder("HTTP ").append(e.statusCode);
    if (e.errorCode != null) {
      s.append(", error_code ").append(e.errorCode);
      if (e.errorMessage != null) {
        s.append(": ").append(e.errorMessage);
      }
      if (e.errorId != null) {
        s.append(" (error_id ").append(e.errorId).append(')');
      }
    } else if (e.oauthError != null) {
      s.append(", ").append(e.oauthError);
      if (e.oauthErrorDescription != null) {
        s.append(": ").append(e.oauthErrorDescription);
      }
    } else if (e.rawBody.isEmpty()) {
      s.append(", empty body");
    } else {
      // A proxy page can be long and is not ours to print; say what it was, not what it said.
      s.append(", non-JSON body (").append(e.rawBody.length()).append(" chars)");
    }
    return s.toString();
  }

  /** A parsed error response: the fields any of Cobo's error body shapes can carry. */
  public static final class ApiError {
    final int statusCode;
    final @Nullable Integer errorCode;
    final @Nullable String errorMessage;
    final @Nullable String errorId;
    final @Nullable String oauthError;
    final @Nullable String oauthErrorDescription;
    final String rawBody;

    /** Describes one error response; any field but the status may be absent. */
    public ApiError(
        int statusCode,
        @Nullable Integer errorCode,
        @Nullable String errorMessage,
        @Nullable String errorId,
        @Nullable String oauthError,
        @Nullable String oauthErrorDescription,
        String rawBody) {
      this.statusCode = statusCode;
      this.errorCode = errorCode;
      this.errorMessage = errorMessage;
      this.errorId = errorId;
      this.oauthError = oauthError;
      this.oauthErrorDescription = oauthErrorDescription;
      this.rawBody = rawBody;
    }
  }
}
