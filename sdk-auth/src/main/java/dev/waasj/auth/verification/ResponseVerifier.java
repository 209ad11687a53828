package dev.waasj.auth.verification;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.waasj.errors.ResponseSignatureException.Reason;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a response was signed by Cobo: an Ed25519 signature with the environment's Cobo public key over
 * {@code sha256(sha256(body + "|" + timestamp))}, with the timestamp within an accepted window of the local clock.
 * Immutable and thread-safe.
 *
 * <p>Unsigned responses are rejected, except 414, 429, 502 and 503 without either header: proxies in front of Cobo
 * produce those, and they are errors to the caller anyway.
 *
 * <p>Exception messages never contain the signature or the body.
 */
public final class ResponseVerifier {
  /** The default accepted distance between a response's timestamp and the local clock, in either direction. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private static final int PUBLIC_KEY_HEX_LENGTH = 64;
  private static final int SIGNATURE_HEX_LENGTH = 128;
  private static final int MAX_TIMESTAMP_DIGITS = 18; // keeps parsing overflow-free; ms timestamps have 13

  private final Ed25519PublicKeyParameters publicKey;
  private final String publicKeyHex;
  private final long windowMillis;
  private final Clock clock;

  /**
   * Creates a verifier for {@code serverPublicKeyHex} (64 hex characters) with the {@linkplain #DEFAULT_WINDOW
   * default window} and the system clock.
   *
   * @throws IllegalArgumentException if the key is not 64 hex characters or not a valid Ed25519 public key
   */
  public static ResponseVerifier create(String serverPublicKeyHex) {
    return new ResponseVerifier(serverPublicKeyHex, DEFAULT_WINDOW, Clock.systemUTC());
  }

  /**
   * Creates a verifier.
   *
   * @param serverPublicKeyHex the environment's Cobo response-signing public key, 64 hex characters
   * @param window how far a response's timestamp may lie from {@code clock}, in either direction; positive
   * @param clock the local clock the timestamp is compared with
   * @throws IllegalArgumentException if the key is not 64 hex characters or not a valid Ed25519 public key, or if
   *     {@code window} is not positive
   */
  public ResponseVerifier(String serverPublicKeyHex, Duration window, Clock clock) {
    String hex = serverPublicKeyHex.strip();
    if (!Hex.isHex(hex, PUBLIC_KEY_HEX_LENGTH)) {
      throw new IllegalArgumentException("Cobo public key must be 64 hex characters");
    }
    try {
      this.publicKey = new Ed25519PublicKeyParameters(Hex.decode(hex), 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cobo public key is not a valid Ed25519 public key", e);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.publicKeyHex = Hex.encode(publicKey.getEncoded());
    this.windowMillis = window.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : window.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies one response; returns normally if it is properly signed (or an unsigned 414, 429, 502 or 503).
   *
   * @param statusCode the HTTP status
   * @param body the raw (decompressed) response body bytes
   * @param timestamp the {@code BIZ_TIMESTAMP} header, or null if absent
   * @param signature the {@code BIZ_RESP_SIGNATURE} header, or null if absent
   * @throws ResponseSignatureException with reason {@link Reason#MISSING} if a header is absent, {@link
   *     Reason#MALFORMED} if the timestamp is not a decimal number or the signature not 128 hex characters, {@link
   *     Reason#INVALID} if the signature does not verify, {@link Reason#STALE} if it verifies but the timestamp is
   *     outside the window
   */
  public void verify(int statusCode, byte[] body, @Nullable String timestamp, @Nullable String signature) {
    if (timestamp == null && signature == null && isUnsignedProxyStatus(statusCode)) {
      return;
    }
    if (timestamp == null || signature == null) {
      throw failure(
          Reason.MISSING,
          statusCode,
          "Response has no " + (timestamp == null ? "BIZ_TIMESTAMP" : "BIZ_RESP_SIGNATURE") + " header");
    }
    long timestampMillis = parseTimestamp(timestamp);
    if (timestampMillis < 0) {
      throw failure(Reason.MALFORMED, statusCode, "Response BIZ_TIMESTAMP is not a decimal millisecond timestamp");
    }
    if (!Hex.isHex(signature, SIGNATURE_HEX_LENGTH)) {
      throw failure(Reason.MALFORMED, statusCode, "Response BIZ_RESP_SIGNATURE is not 128 hex characters");
    }
    byte[] digest = Digests.doubleSha256(signedMessage(body, timestamp));
    byte[] signatureBytes = Hex.decode(signature);
    if (!publicKey.verify(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signatureBytes, 0)) {
      throw failure(
          Reason.INVALID, statusCode, "Response signature does not verify with the configured Cobo public key");
    }
    long skewMillis = Math.abs(clock.millis() - timestampMillis);
    if (skewMillis > windowMillis) {
      throw failure(
          Reason.STALE,
          statusCode,
          "Response timestamp is " + skewMillis / 1000 + " s away from the local clock; accepted: "
              + windowMillis / 1000 + " s");
    }
  }

  /** Whether an unsigned response with this status is let through: proxies, not Cobo, produce these. */
  static boolean isUnsignedProxyStatus(int statusCode) {
    return statusCode == 414 || statusCode == 429 || statusCode == 502 || statusCode == 503;
  }

  /** The configured public key, normalized to lower case. */
  @Override
  public String toString() {
    return "ResponseVerifier{publicKey=" + publicKeyHex + ", window=" + Duration.ofMillis(windowMillis) + "}";
  }

  /** {@code body + "|" + timestamp}, as bytes. */
  private static byte[] signedMessage(byte[] body, String timestamp) {
    byte[] message = new byte[body.length + 1 + timestamp.length()];
    System.arraycopy(body, 0, message, 0, body.length);
    message[body.length] = '|';
    byte[] suffix = timestamp.getBytes(US_ASCII); // all digits: parseTimestamp checked
    System.arraycopy(suffix, 0, message, body.length + 1, suffix.length);
    return message;
  }

  /** Parses ASCII digits only (no sign, no spaces), or returns -1. */
  private static long parseTimestamp(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_TIMESTAMP_DIGITS) {
      return -1;
    }
    long result = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  private static ResponseSignatureException failure(Reason reason, int statusCode, String message) {
    return new ResponseSignatureException(reason, statusCode, message + " (HTTP " + statusCode + ")");
  }
}
