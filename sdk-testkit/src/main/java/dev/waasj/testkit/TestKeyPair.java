package dev.waasj.testkit;

import java.security.SecureRandom;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A throwaway API key pair in Cobo's hex form, of either key type Cobo accepts: the private part is what Cobo calls
 * the API secret (or, for Portal apps, the app key), the public part is the API key. Use {@link #publicKeyHex()} to
 * register an app with the emulator and {@link #seedHex()} to configure the client under test. Immutable; {@link
 * #toString()} never shows the private key.
 */
public final class TestKeyPair {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyType;
  private final String seedHex;
  private final String publicKeyHex;

  private TestKeyPair(String keyType, String seedHex, String publicKeyHex) {
    this.keyType = keyType;
    this.seedHex = seedHex;
    this.publicKeyHex = publicKeyHex;
  }

  /** A fresh Ed25519 key pair from a {@link SecureRandom} seed. */
  public static TestKeyPair generate() {
    return fromSeed(Ed25519.randomSeed(RANDOM));
  }

  /**
   * A fresh key pair of the type Cobo names {@code keyType}: {@code ed25519} or {@code secp256k1} (either case).
   *
   * @throws IllegalArgumentException for any other type
   */
  public static TestKeyPair generate(String keyType) {
    switch (java.util.Objects.requireNonNull(keyType, "keyType").trim().toLowerCase(java.util.Locale.ROOT)) {
      case "ed25519":
        return generate();
      case "secp256k1":
        return secp256k1(Secp256k1.randomPrivateKey(RANDOM));
      default:
        throw new IllegalArgumentException("keyType must be ed25519 or secp256k1");
    }
  }

  /**
   * The secp256k1 key pair of a known private key, e.g. one from a test vector.
   *
   * @param privateKeyHex the 32-byte scalar as 64 lower-case hex characters, in [1, n-1]
   * @throws IllegalArgumentException if it is not (the message does not repeat it)
   */
  public static TestKeyPair fromSecp256k1Hex(String privateKeyHex) {
    return secp256k1(
        Hex.decode(Objects.requireNonNull(privateKeyHex, "privateKeyHex"), Secp256k1.PRIVATE_KEY_BYTES, "privateKeyHex"));
  }

  private static TestKeyPair secp256k1(byte[] privateKey) {
    return new TestKeyPair("secp256k1", Hex.encode(privateKey), Hex.encode(Secp256k1.compressedPublicKey(privateKey)));
  }

  /**
   * The key pair of a known seed, e.g. one from a test vector.
   *
   * @param seedHex the 32-byte seed as 64 lower-case hex characters
   * @throws IllegalArgumentException if {@code seedHex} is not 64 lower-case hex characters (the message does not
   *     repeat it)
   */
  public static TestKeyPair fromSeedHex(String seedHex) {
    return fromSeed(Hex.decode(Objects.requireNonNull(seedHex, "seedHex"), Ed25519.KEY_BYTES, "seedHex"));
  }

  private static TestKeyPair fromSeed(byte[] seed) {
    return new TestKeyPair("ed25519", Hex.encode(seed), Hex.encode(Ed25519.publicKeyOf(seed)));
  }

  /** {@code ed25519} or {@code secp256k1}, as {@code COBO_API_KEY_TYPE} spells it. */
  public String keyType() {
    return keyType;
  }

  /**
   * The private key as 64 lower-case hex characters (the Ed25519 seed, or the secp256k1 scalar): the client's API
   * secret. Keep it out of logs.
   */
  public String seedHex() {
    return seedHex;
  }

  /**
   * The public key as lower-case hex, the value clients send as {@code BIZ-API-KEY}: 64 characters for Ed25519, the
   * 66-character compressed point for secp256k1.
   */
  public String publicKeyHex() {
    return publicKeyHex;
  }

  /**
   * Whether {@code signatureHex} is this key's signature of {@code digest}, checked by the testkit's own code (the
   * JDK's Ed25519, the testkit's secp256k1): useful to test a custom signer, such as one over an HSM.
   *
   * @param digest the 32 bytes that were signed (the double SHA-256 of the string to sign)
   * @param signatureHex the {@code BIZ-API-SIGNATURE} value
   */
  public boolean verifies(byte[] digest, String signatureHex) {
    return AppRegistry.checkRegistration("test", "test", publicKeyHex)
        .verify(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(signatureHex, "signatureHex"));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TestKeyPair that && seedHex.equals(that.seedHex);
  }

  @Override
  public int hashCode() {
    return publicKeyHex.hashCode();
  }

  @Override
  public String toString() {
    return "TestKeyPair[" + keyType + ", publicKeyHex=" + publicKeyHex + ", seedHex=" + Redaction.MASK + "]";
  }
}
