package dev.waasj.errors;

/** HTTP 400: the request was invalid, e.g. a missing or bad parameter, or an OAuth {@code invalid_grant}. */
public class BadRequestException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public BadRequestException(ApiError error) {
    super(error);
  }
}
