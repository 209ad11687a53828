package dev.waasj.auth.signing;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads an API secret of either key type, so configuration cannot be misread: a hex secret is the key type the
 * caller states (Ed25519 unless told otherwise), because 32 bytes do not say their curve; a PEM key names its own
 * type, and must agree with a stated one.
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
    Objects.requireNonNull(secret, "secret");
    if (!PemKey.isPem(secret)) {
      return stated == KeyType.SECP256K1
          ? Secp256k1RequestSigner.fromHexSecret(secret)
          : Ed25519RequestSigner.fromHexSecret(secret);
    }
    return fromPem(secret, stated, "API secret PEM");
  }

  /**
   * A signer for the PEM key in {@code file}, whose type the PEM names.
   *
   * @param stated the key type the caller stated, or null
   * @throws IllegalArgumentException as {@link #fromSecret}, naming the file but never its content
   */
  public static RequestSigner fromPemFile(Path file, @Nullable KeyType stated) {
    String source = "API secret PEM file " + file;
    return fromPem(PemKey.readFile(file, source), stated, source);
  }

  private static RequestSigner fromPem(String pem, @Nullable KeyType stated, String source) {
    PemKey block = PemKey.parse(pem, source, "expected an Ed25519 or secp256k1 private key");
    KeyType type;
    try {
      type = block.keyType(source);
    } finally {
      block.wipe();
    }
    if (stated != null && stated != type) {
      throw new IllegalArgumentException(
          source + " holds a " + name(type) + " key but the API key type is set to " + name(stated));
    }
    return type == KeyType.SECP256K1
        ? Secp256k1RequestSigner.parsePem(pem, source)
        : Ed25519RequestSigner.parsePem(pem, source);
  }

  private static String name(KeyType type) {
    return type == KeyType.SECP256K1 ? "secp256k1" : "Ed25519";
  }
}
