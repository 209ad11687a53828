package dev.waasj.errors;

import org.jspecify.annotations.Nullable;

/**
 * The SDK would not, or could not, sign a request, so it was not sent: the server redirected the call to another
 * host, the body cannot be read twice (duplex), the query cannot be sent exactly as signed, or the signer failed.
 * Never retried: sending again would fail the same way. The message says what to change.
 */
public class RequestSigningException extends CoboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and what to do; never a secret
   * @param cause the signer's failure, if any
   */
  public RequestSigningException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
