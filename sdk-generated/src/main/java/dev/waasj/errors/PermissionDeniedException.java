package dev.waasj.errors;

/**
 * HTTP 403 or {@code error_code} 2025/4001: the key or the org token lacks the permission or scope the operation
 * needs.
 */
public class PermissionDeniedException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public PermissionDeniedException(ApiError error) {
    super(error);
  }
}
