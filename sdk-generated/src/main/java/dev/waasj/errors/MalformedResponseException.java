package dev.waasj.errors;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a success status but the body could not be read as the documented type: not JSON, the
 * wrong shape, or a required field missing. The body is not echoed, since a success body can hold tokens.
 */
public class MalformedResponseException extends CoboException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message must describe the problem without quoting the body. */
  public MalformedResponseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
