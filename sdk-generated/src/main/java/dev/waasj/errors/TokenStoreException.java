package dev.waasj.errors;

/**
 * The token store could not load or save the org token (a full disk, a permission problem, a failing custom
 * store). No token was sent. The message names the operation, never a token; the cause says what failed.
 */
public class TokenStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, e.g. that saving the rotated token failed; never a token
   * @param cause the store's failure
   */
  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception for a failure with no underlying cause, e.g. a refresh lease not obtained in time.
   *
   * @param message what failed; never a token
   */
  public TokenStoreException(String message) {
    super(message);
  }
}
