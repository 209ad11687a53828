package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;

/**
 * The Cobo request signature computation, for callers outside OkHttp (other HTTP stacks, debugging a
 * {@code 2023 signature validation failed}, benchmarks). {@link SigningInterceptor} uses exactly this.
 *
 * <p>The string to sign is {@code METHOD|PATH|NONCE|PARAMS|BODY}; the key (Ed25519 or secp256k1) signs its double
 * SHA-256. Every part
 * must be byte-for-byte what goes on the wire:
 *
 * <ul>
 *   <li>{@code method}: the HTTP method as sent, e.g. {@code GET};
 *   <li>{@code path}: the encoded URL path including the {@code /v2} prefix, e.g. {@code /v2/oauth/token};
 *   <li>{@code nonce}: the {@code BIZ-API-NONCE} header value;
 *   <li>{@code params}: the encoded query string without {@code ?}, or empty if there is none;
 *   <li>{@code body}: the request body bytes, or empty.
 * </ul>
 */
public final class RequestSignatures {
  private static final int SIGNATURE_LENGTH = 64;

  private RequestSignatures() {}

  /** Returns the UTF-8 bytes of {@code METHOD|PATH|NONCE|PARAMS|} followed by {@code body}. */
  public static byte[] stringToSign(String method, String path, String nonce, String params, byte[] body) {
    byte[] head = (method + '|' + path + '|' + nonce + '|' + params + '|').getBytes(UTF_8);
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    return message;
  }

  /** Returns the 32-byte digest a {@link RequestSigner} signs: the double SHA-256 of {@link #stringToSign}. */
  public static byte[] digest(String method, String path, String nonce, String params, byte[] body) {
    return Digests.doubleSha256(stringToSign(method, path, nonce, params, body));
  }

  /**
   * Returns the {@code BIZ-API-SIGNATURE} value: {@code signer}'s signature over {@link #digest}, as lower-case hex
   * (128 characters for Ed25519, about 140 for a DER secp256k1 signature).
   *
   * @throws IllegalStateException if {@code signer} returns something its key type cannot produce: not 64 bytes
   *     for Ed25519, not a DER sequence of 8 to 72 bytes for secp256k1
   */
  public static String sign(
      RequestSigner signer, String method, String path, String nonce, String params, byte[] body) {
    byte[] signature = signer.sign(digest(method, path, nonce, params, body));
    if (signer.keyType() == KeyType.SECP256K1) {
      if (signature.length < 8 || signature.length > 72 || signature[0] != 0x30) {
        throw new IllegalStateException(
            "RequestSigner returned " + signature.length + " bytes that are no DER ECDSA signature");
      }
    } else if (signature.length != SIGNATURE_LENGTH) {
      throw new IllegalStateException(
          "RequestSigner returned " + signature.length + " bytes, expected a 64-byte Ed25519 signature");
    }
    return Hex.encode(signature);
  }
}
