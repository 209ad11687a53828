package dev.waasj.portal;

import dev.waasj.errors.CoboException;
import org.jspecify.annotations.Nullable;

/**
 * A User Info Token was refused. {@link #reason()} says why, for code; the message says why for people. Neither
 * ever quotes the token or any part of it.
 */
public final class UserInfoTokenException extends CoboException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** No token was sent (null or blank). */
    MISSING,
    /** Longer than {@link UserInfoTokenVerifier#MAX_TOKEN_CHARS}. */
    TOO_LARGE,
    /** Not three base64url parts, a header or claims that are not JSON, or a claim of the wrong type. */
    MALFORMED,
    /**
     * The header names an algorithm the key cannot verify, or one that is never accepted ({@code none}, any HMAC
     * algorithm, encryption).
     */
    UNSUPPORTED_ALGORITHM,
    /** The header's {@code kid} names no key of Cobo's JWKS, even after fetching it again. */
    UNKNOWN_KEY,
    /** The signature does not verify with the key the header names. */
    BAD_SIGNATURE,
    /** {@code iss} is not Cobo Portal's. */
    WRONG_ISSUER,
    /** {@code aud} does not name this app's client ID. */
    WRONG_AUDIENCE,
    /** {@code exp} has passed (beyond the clock skew). */
    EXPIRED,
    /** {@code nbf} or {@code iat} lies in the future (beyond the clock skew). */
    NOT_YET_VALID,
    /** A required claim ({@code exp}, {@code iat}, {@code sub}, {@code org_id}) is missing or unusable. */
    MISSING_CLAIM,
    /** Cobo's JWKS could not be fetched and no keys are cached: not the token's fault, try again later. */
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  UserInfoTokenException(Reason reason, String message) {
    this(reason, message, null);
  }

  UserInfoTokenException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the token was refused. */
  public Reason reason() {
    return reason;
  }
}
