package dev.waasj.errors;

import java.io.IOException;

/**
 * No usable answer arrived: connection refused or reset, timeout, TLS failure, or the call was cancelled. Whether
 * the server acted on the request is unknown, so retrying a non-idempotent call is the caller's decision.
 */
public class CoboTransportException extends CoboException {
  private static final long serialVersionUID = 1L;

  /** Wraps the I/O failure that ended the call. */
  public CoboTransportException(String message, IOException cause) {
    super(message, cause);
  }
}
