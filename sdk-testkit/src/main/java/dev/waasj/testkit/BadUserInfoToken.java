package dev.waasj.testkit;

/** The bad User Info Tokens {@link EmulatedPortal#badUserInfoToken} mints, each refused by a correct verifier. */
public enum BadUserInfoToken {
  /** Expired ten minutes ago ({@code exp}), issued fifteen minutes ago. */
  EXPIRED,
  /** Not valid for another ten minutes ({@code nbf} and {@code iat} in the future). */
  NOT_YET_VALID,
  /** For another app: {@code aud} is {@code another-app}. */
  WRONG_AUDIENCE,
  /** Issued by someone else: {@code iss} is {@code https://portal.attacker.invalid/}. */
  WRONG_ISSUER,
  /** Signed by an RSA key that is not in the JWKS, under a {@code kid} the JWKS does not have. */
  UNKNOWN_KEY,
  /** {@code alg: none} and no signature. */
  ALG_NONE,
  /** {@code HS256}, keyed with the PEM text of the JWKS's public key, under that key's {@code kid}. */
  HMAC_WITH_PUBLIC_KEY,
  /** Names {@code ES256} under the {@code kid} of the JWKS's RSA key (signed RS256): an algorithm the key lacks. */
  ALGORITHM_NOT_OF_KEY,
  /** A valid token with its claims changed after signing ({@code org_id} of another organization). */
  TAMPERED
}
