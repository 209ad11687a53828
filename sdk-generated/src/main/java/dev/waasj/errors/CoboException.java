package dev.waasj.errors;

import org.jspecify.annotations.Nullable;

/** Base type of every failure raised by the SDK. Unchecked, so callers catch only what they can handle. */
public class CoboException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that must not contain secrets. */
  public CoboException(String message) {
    super(message);
  }

  /** Creates an exception with a message that must not contain secrets, and its cause. */
  public CoboException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
