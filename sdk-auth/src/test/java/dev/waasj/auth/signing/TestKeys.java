package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;

/**
 * Keys and PEM text for tests, without Bouncy Castle, so the tests that use them also run on the shaded jar with
 * the original Bouncy Castle off the class path.
 */
final class TestKeys {
  /** The secp256k1 vectors' private key ({@code signing-vectors-secp256k1.json}). */
  static final String SECP256K1_PRIVATE_KEY = "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13db";
  /** Its compressed public key: the API key. */
  static final String SECP256K1_API_KEY = "0343b8e340a6b404572e43c97b0cd5f75bc6c0521996de8fe329fc1598d831be3f";

  private TestKeys() {}

  /** {@code der} as a PEM block with {@code label}. */
  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }
}
