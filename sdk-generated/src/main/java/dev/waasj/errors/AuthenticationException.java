package dev.waasj.errors;

/**
 * HTTP 401: the API key, signature or org access token was not accepted ({@code error_code} 2022 missing headers,
 * 2023 signature validation, 2024 API key authentication as {@link ApiKeyAuthenticationException}).
 */
public class AuthenticationException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public AuthenticationException(ApiError error) {
    super(error);
  }

  /** For subtypes that explain more. */
  protected AuthenticationException(ApiError error, String message) {
    super(error, message);
  }
}
