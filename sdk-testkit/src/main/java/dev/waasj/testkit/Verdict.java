package dev.waasj.testkit;

import java.util.OptionalInt;

/**
 * What the emulator's request authentication decided about one request. Every rejection is answered with HTTP 401
 * and a Cobo error body carrying {@link #errorCode()}.
 */
public enum Verdict {
  /** The signature verified with a registered API key and the nonce was fresh and unused. */
  ACCEPTED(0, "accepted"),
  /** {@code BIZ-API-KEY}, {@code BIZ-API-NONCE} or {@code BIZ-API-SIGNATURE} was missing or empty: code 2022. */
  MISSING_AUTH_HEADERS(2022, "missing authentication headers"),
  /** {@code BIZ-API-KEY} is not 64 lower-case hex characters or belongs to no registered app: code 2024. */
  UNKNOWN_API_KEY(2024, "API key authentication failed"),
  /** The signature is malformed or does not verify over {@code METHOD|PATH|NONCE|PARAMS|BODY}: code 2023. */
  BAD_SIGNATURE(2023, "signature validation failed"),
  /**
   * The signature verified but the nonce, read as milliseconds since the epoch, lies further from the emulator's
   * clock than the nonce window allows. Answered with code 2023 (the code Cobo uses for signature failures); the
   * error message tells it apart. Nonces that are not decimal numbers are only checked for reuse.
   */
  STALE_NONCE(2023, "signature validation failed: nonce outside the accepted window"),
  /**
   * The signature verified but this API key already used this nonce: code 2023, as for {@link #STALE_NONCE}. A
   * replayed request never reaches the endpoint, so it cannot issue or rotate tokens twice.
   */
  REPLAYED_NONCE(2023, "signature validation failed: nonce already used"),
  /** A {@link Fault} answered before authentication ran, as a proxy or a crashing server would. */
  NOT_VERIFIED(0, "not verified: answered by an injected fault");

  private final int errorCode;
  private final String description;

  Verdict(int errorCode, String description) {
    this.errorCode = errorCode;
    this.description = description;
  }

  /** True only for {@link #ACCEPTED}. */
  public boolean isAccepted() {
    return this == ACCEPTED;
  }

  /** The Cobo {@code error_code} a rejection is answered with; empty for {@link #ACCEPTED} and {@link #NOT_VERIFIED}. */
  public OptionalInt errorCode() {
    return errorCode == 0 ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /** A short human-readable explanation, also used as the {@code error_message} of a rejection. */
  public String description() {
    return description;
  }
}
