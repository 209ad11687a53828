package dev.waasj.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Test oracle built only on the JDK's own Ed25519 and SHA-256 (SunEC), so tests check our Bouncy Castle code
 * against an independent implementation rather than against itself.
 */
public final class JdkEd25519 {
  private static final HexFormat HEX = HexFormat.of();
  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows. */
  private static final String X509_PREFIX = "302a300506032b6570032100";
  /** DER prefix of a PKCS#8 PrivateKeyInfo (v1) for Ed25519; the raw 32-byte seed follows. */
  private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

  private JdkEd25519() {}

  /** Verifies {@code signatureHex} over {@code message} with the raw public key {@code publicKeyHex}. */
  public static boolean verify(String publicKeyHex, byte[] message, String signatureHex) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(HEX.parseHex(X509_PREFIX + publicKeyHex)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(HEX.parseHex(signatureHex));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Signs {@code message} with the raw 32-byte seed {@code seedHex}; returns lower-case hex. */
  public static String sign(String seedHex, byte[] message) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(PKCS8_PREFIX + seedHex)));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(message);
      return HEX.formatHex(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code sha256(sha256(text as UTF-8))}, computed with fresh JDK digests. */
  public static byte[] doubleSha256(String text) {
    return doubleSha256(text.getBytes(UTF_8));
  }

  /** {@code sha256(sha256(bytes))}, computed with fresh JDK digests. */
  public static byte[] doubleSha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Lower-case hex via the JDK's HexFormat. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Bytes from hex via the JDK's HexFormat. */
  public static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }
}
