package dev.waasj.auth.signing;

/**
 * Holds a Cobo API key pair and signs request digests with it.
 *
 * <p>The signer only ever sees the 32-byte digest ({@code sha256(sha256(string to sign))}), never the request, so
 * the private key can live outside the JVM: implement this interface over an HSM or a cloud KMS that performs
 * plain (pure) Ed25519 over the given bytes. {@link Ed25519RequestSigner} is the in-memory implementation.
 *
 * <p>Implementations must be thread-safe: one signer serves all concurrent requests.
 */
public interface RequestSigner {
  /**
   * The API key sent as {@code BIZ-API-KEY}: the Ed25519 public key as 64 lower-case hex characters.
   */
  String apiKey();

  /**
   * Signs {@code digest} with pure Ed25519 (RFC 8032, no pre-hash, no context).
   *
   * @param digest the 32-byte double SHA-256 of the string to sign; must not be modified
   * @return the 64-byte Ed25519 signature
   */
  byte[] sign(byte[] digest);
}
