package dev.waasj.auth.signing;

import dev.waasj.internal.crypto.Hex;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API secret read once: its {@link KeyType} and its 32-byte private key, with the in-memory {@link
 * RequestSigner} made from them. Immutable and thread-safe.
 *
 * <p>Hex or PEM text is parsed here, exactly once; {@link #signer()} then signs without going back to the text, so
 * a client builder that keeps an {@code ApiSecret} builds any number of clients without reading the secret again.
 * A hex secret does not say its curve, so its type is the one stated (Ed25519 unless told otherwise) and {@link
 * #withKeyType} may restate it; a PEM key names its own type, and a different stated type is refused.
 *
 * <p>Nothing here shows the secret: errors explain what is wrong and what was expected without quoting any part of
 * the input (PEM labels and OIDs included), {@link #toString()} shows the type and the public API key only, and
 * there is no {@code equals}: two secrets are never compared by value.
 */
public final class ApiSecret {
  private static final int KEY_BYTES = 32;

  private final KeyType keyType;
  private final RequestSigner signer;
  /** The private key, kept only for a hex secret, whose type a later statement may change; null for a PEM key. */
  private final byte @Nullable [] restatable;
  /** What a PEM key was read from ("API secret PEM", or a file), for messages; null for a hex secret. */
  private final @Nullable String source;

  private ApiSecret(KeyType keyType, byte[] key, boolean restatable, @Nullable String source) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("An API secret is 32 bytes, not " + key.length);
    }
    this.keyType = keyType;
    this.signer =
        keyType == KeyType.SECP256K1 ? Secp256k1RequestSigner.fromKey(key) : Ed25519RequestSigner.fromSeed(key);
    this.restatable = restatable ? key.clone() : null;
    this.source = source;
  }

  /** A key whose type its PEM named; {@code key} is copied into the signer and may be wiped by the caller. */
  static ApiSecret named(KeyType keyType, byte[] key, String source) {
    return new ApiSecret(keyType, key, false, source);
  }

  /**
   * Reads {@code secret}: 64 hex characters (the private key, of type {@code stated}, Ed25519 when null) or PEM
   * text, which names its own type. Surrounding whitespace is ignored, and so is text around a PEM block.
   *
   * @param stated the key type the caller stated, or null if none was
   * @throws IllegalArgumentException if the secret is malformed, on an unsupported curve, or a PEM of another type
   *     than {@code stated}; messages never quote the secret
   */
  public static ApiSecret parse(String secret, @Nullable KeyType stated) {
    Objects.requireNonNull(secret, "secret");
    if (PemKey.isPem(secret)) {
      ApiSecret key = PemKey.parse(secret, "API secret PEM", null);
      return stated == null ? key : key.withKeyType(stated);
    }
    return fromHex(secret, stated == null ? KeyType.ED25519 : stated);
  }

  /**
   * Reads the PEM key in {@code file} (at most 64 KiB), whose type the PEM names.
   *
   * @param stated the key type the caller stated, or null
   * @throws IllegalArgumentException as {@link #parse} does, naming the file (unless its path reads like key
   *     material) but never its content
   */
  public static ApiSecret fromPemFile(Path file, @Nullable KeyType stated) {
    Objects.requireNonNull(file, "file");
    String source = PemKey.fileSource(file);
    ApiSecret key = PemKey.parse(PemKey.readFile(file, source), source, null);
    return stated == null ? key : key.withKeyType(stated);
  }

  /** A hex secret of type {@code type}; messages say what a key of that type looks like. */
  static ApiSecret fromHex(String hexSecret, KeyType type) {
    String hex = hexSecret.strip();
    String what =
        type == KeyType.SECP256K1 ? "a 32-byte secp256k1 private key" : "a 32-byte Ed25519 seed";
    if (hex.length() != 2 * KEY_BYTES) {
      String hint =
          type == KeyType.ED25519 && hex.length() == 4 * KEY_BYTES
              ? "; a 128-character secret is usually a 64-byte seed+public key pair: pass its first 64 characters"
              : "";
      throw new IllegalArgumentException(
          "API secret must be 64 hex characters (" + what + ") but has " + hex.length() + hint);
    }
    if (!Hex.isHex(hex, 2 * KEY_BYTES)) {
      throw new IllegalArgumentException(
          "API secret must be 64 hex characters (" + what + ") but contains a non-hex character");
    }
    byte[] key = Hex.decode(hex);
    try {
      return new ApiSecret(type, key, true, null);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The type of the key. */
  public KeyType keyType() {
    return keyType;
  }

  /**
   * This secret with its type stated as {@code stated}: a hex secret becomes a key of that type (the same 32
   * bytes); a PEM key stays as it is if the PEM named that type.
   *
   * @throws IllegalArgumentException if the PEM named another type, or the 32 bytes are not a valid key of type
   *     {@code stated} (zero, or not below the secp256k1 group order)
   */
  public ApiSecret withKeyType(KeyType stated) {
    Objects.requireNonNull(stated, "stated");
    if (stated == keyType) {
      return this;
    }
    byte[] key = restatable;
    if (key == null) {
      throw new IllegalArgumentException(
          source + " holds " + (keyType == KeyType.SECP256K1 ? "a " : "an ") + name(keyType)
              + " key but the API key type is set to " + name(stated));
    }
    return new ApiSecret(stated, key, true, null);
  }

  /**
   * The in-memory signer for this key, made once: an {@link Ed25519RequestSigner} or a {@link
   * Secp256k1RequestSigner}.
   */
  public RequestSigner signer() {
    return signer;
  }

  /** Shows the key type and the public API key only. */
  @Override
  public String toString() {
    return "ApiSecret{" + keyType + ", apiKey=" + signer.apiKey() + "}";
  }

  private static String name(KeyType type) {
    return type == KeyType.SECP256K1 ? "secp256k1" : "Ed25519";
  }
}
