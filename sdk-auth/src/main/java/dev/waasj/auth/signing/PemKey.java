package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.jspecify.annotations.Nullable;

/**
 * The first PEM block of a key file: its label and DER bytes, and which of Cobo's key types it holds. Every error
 * explains what is wrong without quoting any part of the key, and names the source (a file, or "API secret PEM").
 */
final class PemKey {
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
  static final ASN1ObjectIdentifier ID_EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
  static final ASN1ObjectIdentifier ID_SECP256K1 = new ASN1ObjectIdentifier("1.3.132.0.10");

  private static final long MAX_PEM_FILE_BYTES = 64 * 1024;

  /** Curves worth naming when an EC key is on the wrong one. */
  private static final Map<String, String> CURVES =
      Map.of(
          "1.2.840.10045.3.1.7", "P-256 (prime256v1)",
          "1.3.132.0.34", "P-384 (secp384r1)",
          "1.3.132.0.35", "P-521 (secp521r1)",
          "1.3.132.0.10", "secp256k1");

  /** Algorithms worth naming when a PKCS#8 key is neither Ed25519 nor EC. */
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          "1.2.840.113549.1.1.1", "RSA",
          "1.3.101.110", "X25519",
          "1.3.101.111", "X448",
          "1.3.101.113", "Ed448");

  final String label;
  final byte[] der;

  private PemKey(String label, byte[] der) {
    this.label = label;
    this.der = der;
  }

  /** Whether {@code text} looks like PEM rather than hex. */
  static boolean isPem(String text) {
    return text.contains("-----BEGIN");
  }

  /** Reads a PEM file of at most 64 KiB as text; errors name the file, never its content. */
  static String readFile(Path file, String source) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_PEM_FILE_BYTES) {
        throw new IllegalArgumentException(source + " is too large to be a PEM key");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + source + " (" + e.getClass().getSimpleName() + ")", e);
    }
    String pem = new String(bytes, US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    return pem;
  }

  /** The label of the first block ({@code PRIVATE KEY}, {@code EC PRIVATE KEY}, ...). */
  static String label(String pem, String source, String expected) {
    String beginMarker = "-----BEGIN ";
    int begin = pem.indexOf(beginMarker);
    if (begin < 0) {
      throw new IllegalArgumentException(source + " has no -----BEGIN line; " + expected);
    }
    int labelStart = begin + beginMarker.length();
    int labelEnd = pem.indexOf("-----", labelStart);
    int lineEnd = pem.indexOf('\n', labelStart);
    if (labelEnd < 0 || (lineEnd >= 0 && lineEnd < labelEnd)) {
      throw new IllegalArgumentException(source + " has a malformed -----BEGIN line; " + expected);
    }
    return pem.substring(labelStart, labelEnd);
  }

  /**
   * The first block of {@code pem}.
   *
   * @param expected what a good key looks like, appended to messages about a missing or malformed block
   */
  static PemKey parse(String pem, String source, String expected) {
    String label = label(pem, source, expected);
    int bodyStart = pem.indexOf("-----BEGIN " + label + "-----") + "-----BEGIN ".length() + label.length() + 5;
    String endLine = "-----END " + label + "-----";
    int end = pem.indexOf(endLine, bodyStart);
    if (end < 0) {
      throw new IllegalArgumentException(source + " has no " + endLine + " line");
    }
    try {
      // The MIME decoder would skip stray characters; strip only whitespace and stay strict otherwise.
      return new PemKey(label, Base64.getDecoder().decode(pem.substring(bodyStart, end).replaceAll("\\s+", "")));
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the offending character, which is part of the secret: drop it.
      throw new IllegalArgumentException(source + " is not valid base64 between its BEGIN and END lines");
    }
  }

  /**
   * Which of Cobo's key types this block holds: Ed25519 (PKCS#8), or secp256k1 (PKCS#8 or SEC1 {@code EC PRIVATE
   * KEY}).
   *
   * @throws IllegalArgumentException for any other key, naming its algorithm or curve
   */
  KeyType keyType(String source) {
    switch (label) {
      case "PRIVATE KEY":
        PrivateKeyInfo info = pkcs8(source);
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (ID_ED25519.equals(algorithm)) {
          return KeyType.ED25519;
        }
        if (ID_EC_PUBLIC_KEY.equals(algorithm)) {
          requireSecp256k1(curveOf(info.getPrivateKeyAlgorithm().getParameters()), source);
          return KeyType.SECP256K1;
        }
        throw new IllegalArgumentException(
            source + " holds a " + ALGORITHMS.getOrDefault(algorithm.getId(), "algorithm " + algorithm.getId())
                + " key; Cobo API keys are Ed25519 or secp256k1");
      case "EC PRIVATE KEY":
        requireSecp256k1(curveOf(sec1(der, source).getParametersObject()), source);
        return KeyType.SECP256K1;
      case "PUBLIC KEY":
        throw new IllegalArgumentException(source + " holds a public key; the API secret is the private key");
      case "ENCRYPTED PRIVATE KEY":
        throw new IllegalArgumentException(
            source + " is encrypted; decrypt it first, e.g. 'openssl pkey -in encrypted.pem -out plain.pem'");
      default:
        throw new IllegalArgumentException(
            source + " is not a private key Cobo accepts; expected -----BEGIN PRIVATE KEY----- (Ed25519 or"
                + " secp256k1) or -----BEGIN EC PRIVATE KEY----- (secp256k1)");
    }
  }

  PrivateKeyInfo pkcs8(String source) {
    try {
      return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's parse errors can describe the content; report only that the structure is wrong.
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 private key");
    }
  }

  static ECPrivateKey sec1(byte[] der, String source) {
    try {
      return ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed EC private key");
    }
  }

  static @Nullable ASN1ObjectIdentifier curveOf(@Nullable ASN1Encodable parameters) {
    if (parameters == null) {
      return null;
    }
    try {
      X962Parameters x962 = X962Parameters.getInstance(parameters);
      return x962.isNamedCurve() ? ASN1ObjectIdentifier.getInstance(x962.getParameters()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void requireSecp256k1(@Nullable ASN1ObjectIdentifier curve, String source) {
    if (!ID_SECP256K1.equals(curve)) {
      String name = curve == null ? "an unnamed curve" : CURVES.getOrDefault(curve.getId(), "curve " + curve.getId());
      throw new IllegalArgumentException(
          source + " holds an EC key on " + name + ", not secp256k1; Cobo API keys are Ed25519 or secp256k1");
    }
  }

  /** Zeroes the DER bytes: they hold the private key. */
  void wipe() {
    Arrays.fill(der, (byte) 0);
  }
}
