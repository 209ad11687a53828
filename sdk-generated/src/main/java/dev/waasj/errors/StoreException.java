package dev.waasj.errors;

/**
 * A store the SDK keeps shared state in (org tokens, webhook claims: a file, a database, a Redis) failed or refused
 * a step. The message names the step, never a stored value; the cause says what failed.
 */
public class StoreException extends CoboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; never a token or other stored value
   * @param cause the store's failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception for a failure with no underlying cause.
   *
   * @param message what failed; never a token or other stored value
   */
  public StoreException(String message) {
    super(message);
  }
}
