package dev.waasj.auth.signing;

/**
 * Holds a Cobo API key pair and signs request digests with it.
 *
 * <p>The signer only ever sees the 32-byte digest ({@code sha256(sha256(string to sign))}), never the request, so
 * the private key can live outside the JVM: implement this interface over an HSM or a cloud KMS that performs plain
 * (pure) Ed25519, or ECDSA over secp256k1, over the given bytes. {@link Ed25519RequestSigner} and {@link
 * Secp256k1RequestSigner} are the in-memory implementations.
 *
 * <p>Implementations must be thread-safe: one signer serves all concurrent requests.
 */
public interface RequestSigner {
  /**
   * The API key sent as {@code BIZ-API-KEY}: the Ed25519 public key as 64 lower-case hex characters, or the
   * compressed secp256k1 public key as 66.
   */
  String apiKey();

  /**
   * Signs {@code digest}: pure Ed25519 (RFC 8032, no pre-hash, no context) for an Ed25519 key; ECDSA over the
   * digest as is (no further hashing) for a secp256k1 key.
   *
   * @param digest the 32-byte double SHA-256 of the string to sign; must not be modified
   * @return the 64-byte Ed25519 signature, or the DER-encoded ECDSA signature
   */
  byte[] sign(byte[] digest);

  /** The kind of key; {@link KeyType#ED25519} unless the signer says otherwise. */
  default KeyType keyType() {
    return KeyType.ED25519;
  }
}
