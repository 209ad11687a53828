package dev.waasj.errors;

import org.jspecify.annotations.Nullable;

/**
 * {@code error_code} 12009 or 30001: a request with this {@code request_id} was already accepted, so Cobo refused to
 * act twice. After a lost response this is the good outcome: the first request went through. Look its result up by
 * {@link #requestId()}, e.g. with {@code list_transactions} filtered by {@code request_id}.
 */
public class DuplicateRequestIdException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public DuplicateRequestIdException(ApiError error) {
    super(error);
  }

  /** The {@code request_id} the refused request carried, or null if its body had none the SDK could read. */
  public @Nullable String requestId() {
    return error().requestId();
  }
}
