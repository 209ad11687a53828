package dev.waasj.errors;

/**
 * HTTP 404 or {@code error_code} 2028: no such object, or no such operation at this base URL.
 */
public class NotFoundException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public NotFoundException(ApiError error) {
    super(error);
  }
}
