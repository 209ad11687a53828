package dev.waasj.errors;

/** HTTP 5xx: the server or a proxy in front of it failed; an expired org token has been reported as 500 with error_code 1000. */
public class ServerException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public ServerException(ApiError error) {
    super(error);
  }
}
