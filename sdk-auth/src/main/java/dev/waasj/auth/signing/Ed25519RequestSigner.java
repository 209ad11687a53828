package dev.waasj.auth.signing;

import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A {@link RequestSigner} holding the Ed25519 API secret in memory (Bouncy Castle). Immutable and thread-safe.
 *
 * <p>Create one per API key and share it: the key is parsed once and the API key (public key) derived once.
 * Factories accept the two forms Cobo users have (both read by {@link ApiSecret}):
 *
 * <ul>
 *   <li>{@link #fromHexSecret}: the 32-byte seed as 64 hex characters, the form Cobo documents;
 *   <li>{@link #fromPem} / {@link #fromPemFile}: an unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----} file,
 *       as written by {@code openssl genpkey -algorithm ed25519}.
 * </ul>
 *
 * <p>Invalid input raises {@link IllegalArgumentException} whose message explains what is wrong without quoting any
 * part of the secret. {@link #toString()} shows only the public API key.
 */
public final class Ed25519RequestSigner implements RequestSigner {
  // Bouncy Castle caches the derived public key inside, so sign() does not redo that scalar multiplication.
  private final Ed25519PrivateKeyParameters privateKey;
  private final String apiKey;

  private Ed25519RequestSigner(byte[] seed) {
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    this.apiKey = Hex.encode(privateKey.generatePublicKey().getEncoded());
  }

  /** A signer for the 32-byte seed, which is copied. */
  static Ed25519RequestSigner fromSeed(byte[] seed) {
    return new Ed25519RequestSigner(seed);
  }

  /**
   * Creates a signer from the API secret written as hex: the 32-byte Ed25519 seed, 64 hex characters of either
   * case. Surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException if {@code hexSecret} is not 64 hex characters
   */
  public static Ed25519RequestSigner fromHexSecret(String hexSecret) {
    if (PemKey.isPem(hexSecret)) {
      throw new IllegalArgumentException("API secret looks like a PEM key; use fromPem or fromPemFile");
    }
    return (Ed25519RequestSigner) ApiSecret.fromHex(hexSecret, KeyType.ED25519).signer();
  }

  /**
   * Creates a signer from an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) holding an Ed25519
   * key, as written by {@code openssl genpkey -algorithm ed25519}. Text around the PEM block is ignored.
   *
   * @throws IllegalArgumentException if {@code pem} is not such a key (another PEM type, another algorithm,
   *     encrypted, or corrupt)
   */
  public static Ed25519RequestSigner fromPem(String pem) {
    return (Ed25519RequestSigner) PemKey.parse(pem, "API secret PEM", KeyType.ED25519).signer();
  }

  /**
   * Reads {@code file} and creates a signer from it as {@link #fromPem} does.
   *
   * @throws IllegalArgumentException if the file cannot be read or does not hold such a key; the message names the
   *     file, never its content
   */
  public static Ed25519RequestSigner fromPemFile(Path file) {
    String source = PemKey.fileSource(file);
    return (Ed25519RequestSigner) PemKey.parse(PemKey.readFile(file, source), source, KeyType.ED25519).signer();
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  /**
   * Signs the 32-byte request digest with Ed25519.
   *
   * @throws IllegalArgumentException if {@code digest} is not 32 bytes (a sign that the string to sign was passed
   *     instead of its double SHA-256)
   */
  @Override
  public byte[] sign(byte[] digest) {
    if (digest.length != Digests.DOUBLE_SHA256_LENGTH) {
      throw new IllegalArgumentException(
          "digest must be the 32-byte double SHA-256 of the string to sign, got " + digest.length + " bytes");
    }
    return signMessage(digest);
  }

  /** Pure Ed25519 over arbitrary bytes; package-private so RFC 8032 vectors can exercise the raw primitive. */
  byte[] signMessage(byte[] message) {
    byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
    privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    return signature;
  }

  /** Shows the public API key only. */
  @Override
  public String toString() {
    return "Ed25519RequestSigner{apiKey=" + apiKey + "}";
  }
}
