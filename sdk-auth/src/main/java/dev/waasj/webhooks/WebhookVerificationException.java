package dev.waasj.webhooks;

import dev.waasj.errors.CoboException;

/**
 * A webhook event or callback could not be proven to come from Cobo, or is not one. The message says why without
 * quoting the signature or the body.
 */
public class WebhookVerificationException extends CoboException {
  private static final long serialVersionUID = 1L;

  /** Why the message was refused. */
  public enum Reason {
    /** No {@code BIZ_TIMESTAMP}/{@code BIZ_RESP_SIGNATURE} header, in any spelling. */
    MISSING,
    /** A header is not well formed, or the body is larger than the receiver accepts. */
    MALFORMED,
    /** The signature does not verify over the raw body with Cobo's key: altered, re-serialized, or forged. */
    INVALID,
    /** The signature verifies but its timestamp lies outside the accepted window: a replay, or a skewed clock. */
    STALE,
    /** The body verifies but is not the JSON object an event or callback is. */
    NOT_AN_EVENT
  }

  private final Reason reason;

  /** Creates the exception; the message must not quote the signature or the body. */
  public WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the message was refused. */
  public Reason reason() {
    return reason;
  }
}
