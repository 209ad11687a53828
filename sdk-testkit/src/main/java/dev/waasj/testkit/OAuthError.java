package dev.waasj.testkit;

/** An OAuth error to answer with HTTP 400 {@code {"error","error_description"}}. Carries no stack trace. */
final class OAuthError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String error;

  /** The description must not contain a token: it is sent to the client and may be logged there. */
  OAuthError(String error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  String error() {
    return error;
  }

  String description() {
    return String.valueOf(getMessage());
  }
}
