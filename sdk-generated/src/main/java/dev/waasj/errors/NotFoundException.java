package dev.waasj.errors;

/** HTTP 404: the resource or endpoint does not exist. */
public class NotFoundException extends CoboApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public NotFoundException(ApiError error) {
    super(error);
  }
}
