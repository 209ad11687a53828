package dev.waasj.testkit;

import java.security.SecureRandom;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A throwaway Ed25519 key pair in Cobo's hex form: the seed is what Cobo calls the API secret (or, for Portal apps,
 * the app key), the public key is the API key. Use {@link #publicKeyHex()} to register an app with the emulator and
 * {@link #seedHex()} to configure the client under test. Immutable; {@link #toString()} never shows the seed.
 */
public final class TestKeyPair {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String seedHex;
  private final String publicKeyHex;

  private TestKeyPair(String seedHex, String publicKeyHex) {
    this.seedHex = seedHex;
    this.publicKeyHex = publicKeyHex;
  }

  /** A fresh key pair from a {@link SecureRandom} seed. */
  public static TestKeyPair generate() {
    return fromSeed(Ed25519.randomSeed(RANDOM));
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
    return new TestKeyPair(Hex.encode(seed), Hex.encode(Ed25519.publicKeyOf(seed)));
  }

  /** The 32-byte private seed as 64 lower-case hex characters: the client's API secret. Keep it out of logs. */
  public String seedHex() {
    return seedHex;
  }

  /** The 32-byte public key as 64 lower-case hex characters: the value clients send as {@code BIZ-API-KEY}. */
  public String publicKeyHex() {
    return publicKeyHex;
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
    return "TestKeyPair[publicKeyHex=" + publicKeyHex + ", seedHex=" + Redaction.MASK + "]";
  }
}
