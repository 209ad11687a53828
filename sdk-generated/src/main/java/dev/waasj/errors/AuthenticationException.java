package dev.waasj.errors;

/** HTTP 401: the API key, signature or org access token was not accepted. */
public class AuthenticationException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public AuthenticationException(ApiError error) {
    super(error);
  }
}
