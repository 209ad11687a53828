package dev.waasj.errors;

/**
 * A response could not be proven to come from the Cobo server: its signature headers were missing or malformed,
 * the signature did not verify with the configured server public key, or its timestamp lay outside the accepted
 * window. The SDK fails closed: the response body is never handed to the caller.
 */
public class ResponseSignatureException extends CoboException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** No {@code BIZ_TIMESTAMP}/{@code BIZ_RESP_SIGNATURE} headers on a response that must be signed. */
    MISSING,
    /** The headers are present but not well formed (not a number, not 128 hex characters). */
    MALFORMED,
    /** The signature does not verify over {@code body|timestamp} with the configured public key. */
    INVALID,
    /** The signature verifies but the timestamp is outside the accepted window. */
    STALE
  }

  private final Reason reason;
  private final int statusCode;

  /** Creates the exception; the message must not contain the signature itself. */
  public ResponseSignatureException(Reason reason, int statusCode, String message) {
    super(message);
    this.reason = reason;
    this.statusCode = statusCode;
  }

  /** Why the response was rejected. */
  public Reason reason() {
    return reason;
  }

  /** The HTTP status of the rejected response. */
  public int statusCode() {
    return statusCode;
  }
}
