package dev.waasj.errors;

/**
 * Cobo refused a parameter: a required one is missing ({@code error_code} 1003 or 2003) or one is invalid (1006 or
 * 2006). {@link #errorMessage()} says which. Sending the same request again cannot succeed.
 */
public class InvalidParameterException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public InvalidParameterException(ApiError error) {
    super(error);
  }
}
