package dev.waasj.auth.signing;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads an API secret of either key type, so configuration cannot be misread: a hex secret is the key type the
 * caller states (Ed25519 unless told otherwise), because 32 bytes do not say their curve; a PEM key names its own
 * type, and must agree with a stated one. Each secret is parsed once, by {@link ApiSecret}, which keeps the parsed
 * key for callers that build more than one signer or client from it.
 */
public final class RequestSigners {
  private RequestSigners() {}

  /**
   * A signer for {@code secret}: 64 hex characters or PEM text.
   *
   * @param secret the API secret
   * @param stated the key type the caller stated, or null if none was (then hex means Ed25519)
   * @throws IllegalArgumentException if the secret is malformed, on an unsupported curve, or of another type than
   *     {@code stated}; messages never quote the secret
   */
  public static RequestSigner fromSecret(String secret, @Nullable KeyType stated) {
    return ApiSecret.parse(secret, stated).signer();
  }

  /**
   * A signer for the PEM key in {@code file}, whose type the PEM names.
   *
   * @param stated the key type the caller stated, or null
   * @throws IllegalArgumentException as {@link #fromSecret}, naming the file but never its content
   */
  public static RequestSigner fromPemFile(Path file, @Nullable KeyType stated) {
    return ApiSecret.fromPemFile(file, stated).signer();
  }
}
