package dev.waasj.client;

/**
 * How much of each HTTP exchange the client logs. At every level, signatures, keys, nonces, {@code Authorization}
 * and token, secret and signature fields are redacted, so logs are safe to ship.
 */
public enum HttpLogLevel {
  /** Nothing. The default. */
  NONE,
  /** Request line, response status and duration. */
  BASIC,
  /** {@link #BASIC} plus headers, sensitive ones redacted. */
  HEADERS,
  /** {@link #HEADERS} plus JSON bodies with sensitive fields redacted; other bodies by size only. */
  BODY
}
