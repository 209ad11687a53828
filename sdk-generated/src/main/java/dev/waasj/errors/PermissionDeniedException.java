package dev.waasj.errors;

/** HTTP 403: the key or token is valid but not allowed to do this. */
public class PermissionDeniedException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public PermissionDeniedException(ApiError error) {
    super(error);
  }
}
