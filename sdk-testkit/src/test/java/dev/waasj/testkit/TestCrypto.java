package dev.waasj.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The client side of Cobo's signatures, written for the tests on the JDK alone (HexFormat, not the emulator's Hex),
 * so the emulator is checked against a second implementation rather than against itself.
 */
final class TestCrypto {
  private static final HexFormat HEX = HexFormat.of();
  private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
  private static final String X509_PREFIX = "302a300506032b6570032100";

  private TestCrypto() {}

  static String canonical(String method, String path, String nonce, String query, String body) {
    return method + "|" + path + "|" + nonce + "|" + query + "|" + body;
  }

  /** Hex Ed25519 signature of {@code sha256(sha256(utf8(text)))} with a raw seed. */
  static String sign(String seedHex, String text) {
    try {
      var key = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(PKCS8_PREFIX + seedHex)));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(digest(text));
      return HEX.formatHex(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static boolean verify(String publicKeyHex, String text, String signatureHex) {
    try {
      var key = KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(HEX.parseHex(X509_PREFIX + publicKeyHex)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(digest(text));
      return verifier.verify(HEX.parseHex(signatureHex));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static String digestHex(String text) {
    return HEX.formatHex(digest(text));
  }

  private static byte[] digest(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return sha256.digest(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
