package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.waasj.internal.crypto.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first PEM block of a key, in one pass, into an {@link ApiSecret}: the label, the base64, the DER, the
 * algorithm and curve, the private key and any public key attached to it.
 *
 * <p>Every error says what is wrong and what was expected, and names the source (a file, or "API secret PEM"), but
 * never quotes the input: not the base64, not the label (a secret pasted into the BEGIN line is still a secret),
 * not an OID read from the DER. Only labels, algorithms and curves from this class's own tables are named.
 */
final class PemKey {
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
  static final ASN1ObjectIdentifier ID_EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
  static final ASN1ObjectIdentifier ID_SECP256K1 = new ASN1ObjectIdentifier("1.3.132.0.10");

  private static final String PKCS8 = "PRIVATE KEY";
  private static final String SEC1 = "EC PRIVATE KEY";
  private static final long MAX_PEM_FILE_BYTES = 64 * 1024;
  private static final int KEY_BYTES = 32;

  /**
   * A path that reads like key material rather than a file name: PEM dashes, a line break, or 32 characters of
   * base64 or hex in a row (half a hex secret; file names and temporary directories have shorter runs).
   */
  private static final Pattern KEY_LIKE_PATH = Pattern.compile("-----|[\\r\\n]|[A-Za-z0-9+=]{32}");

  /** Labels of other PEM blocks, and what to tell someone who passed one. */
  private static final Map<String, String> OTHER_LABELS =
      Map.of(
          "PUBLIC KEY", "holds a public key; the API secret is the private key",
          "ENCRYPTED PRIVATE KEY",
              "is encrypted; decrypt it first, e.g. 'openssl pkey -in encrypted.pem -out plain.pem'",
          "RSA PRIVATE KEY", "holds an RSA private key",
          "OPENSSH PRIVATE KEY", "holds an OpenSSH private key",
          "CERTIFICATE", "holds a certificate");

  /** Curves worth naming when an EC key is on the wrong one. */
  private static final Map<String, String> CURVES =
      Map.of(
          "1.2.840.10045.3.1.7", "P-256 (prime256v1)",
          "1.3.132.0.34", "P-384 (secp384r1)",
          "1.3.132.0.35", "P-521 (secp521r1)");

  /** Algorithms worth naming when a PKCS#8 key is neither Ed25519 nor EC (each reads with "an"). */
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          "1.2.840.113549.1.1.1", "RSA",
          "1.2.840.10045.2.1", "EC",
          "1.3.101.110", "X25519",
          "1.3.101.111", "X448",
          "1.3.101.113", "Ed448");

  private PemKey() {}

  /** Whether {@code text} looks like PEM rather than hex. */
  static boolean isPem(String text) {
    return text.contains("-----BEGIN");
  }

  /**
   * How messages name the file {@code file}: by its path, unless the path reads like key material (PEM text or a
   * hex secret passed where a path belongs), which messages must not quote.
   */
  static String fileSource(Path file) {
    String path = file.toString();
    return KEY_LIKE_PATH.matcher(path).find()
        ? "API secret PEM file (its path is not shown: it looks like key material, not a file name)"
        : "API secret PEM file " + path;
  }

  /** Reads a PEM file of at most 64 KiB as text; errors name the file as {@code source} does, never its content. */
  static String readFile(Path file, String source) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_PEM_FILE_BYTES) {
        throw new IllegalArgumentException(source + " is too large to be a PEM key");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // The exception's own message is the path, which the source may have chosen not to show.
      throw new IllegalArgumentException("Cannot read " + source + " (" + e.getClass().getSimpleName() + ")");
    }
    String pem = new String(bytes, US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    return pem;
  }

  /**
   * Parses the first PEM block of {@code pem}.
   *
   * @param wanted the key type the caller's factory makes, which refuses the other type and words messages for
   *     it; null to accept either
   * @throws IllegalArgumentException if it is not an unencrypted Ed25519 or secp256k1 private key (or not of type
   *     {@code wanted}), or is corrupt
   */
  static ApiSecret parse(String pem, String source, @Nullable KeyType wanted) {
    String expected = expected(wanted);
    String label = label(pem, source, expected);
    if (!label.equals(PKCS8) && !label.equals(SEC1)) {
      String why = OTHER_LABELS.get(label);
      throw new IllegalArgumentException(
          source + " " + (why != null ? why : "has an unsupported PEM type (its label is not shown)") + "; "
              + expected);
    }
    if (label.equals(SEC1) && wanted == KeyType.ED25519) {
      throw new IllegalArgumentException(source + " holds an EC (SEC1) private key; " + expected);
    }
    byte[] der = body(pem, label, source);
    try {
      return label.equals(PKCS8) ? pkcs8(der, source, wanted) : sec1(sec1(der, source), source);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static String expected(@Nullable KeyType wanted) {
    if (wanted == KeyType.ED25519) {
      return "expected an unencrypted Ed25519 PKCS#8 key (-----BEGIN PRIVATE KEY-----), as written by 'openssl"
          + " genpkey -algorithm ed25519'";
    }
    if (wanted == KeyType.SECP256K1) {
      return "expected an unencrypted secp256k1 key (-----BEGIN EC PRIVATE KEY----- or -----BEGIN PRIVATE"
          + " KEY-----)";
    }
    return "expected an unencrypted PEM with label PRIVATE KEY (Ed25519 or secp256k1) or EC PRIVATE KEY"
        + " (secp256k1)";
  }

  /** The label of the first block; the caller must not quote it unless it is one of this class's constants. */
  private static String label(String pem, String source, String expected) {
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

  /** The DER bytes of the block labelled {@code label}, one of this class's constants. */
  private static byte[] body(String pem, String label, String source) {
    String beginLine = "-----BEGIN " + label + "-----";
    int bodyStart = pem.indexOf(beginLine) + beginLine.length();
    String endLine = "-----END " + label + "-----";
    int end = pem.indexOf(endLine, bodyStart);
    if (end < 0) {
      throw new IllegalArgumentException(source + " has no " + endLine + " line");
    }
    try {
      // The MIME decoder would skip stray characters; strip only whitespace and stay strict otherwise.
      return Base64.getDecoder().decode(pem.substring(bodyStart, end).replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the offending character, which is part of the secret: drop it.
      throw new IllegalArgumentException(source + " is not valid base64 between its BEGIN and END lines");
    }
  }

  private static ApiSecret pkcs8(byte[] der, String source, @Nullable KeyType wanted) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's parse errors can describe the content; report only that the structure is wrong.
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 private key");
    }
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (ID_ED25519.equals(algorithm)) {
      if (wanted == KeyType.SECP256K1) {
        throw new IllegalArgumentException(source + " holds an Ed25519 key, not secp256k1");
      }
      return ed25519(info, source);
    }
    String name = ALGORITHMS.get(algorithm.getId());
    String key = name != null ? "an " + name + " key" : "a key of an algorithm Cobo does not use";
    if (wanted == KeyType.ED25519) {
      throw new IllegalArgumentException(source + " holds " + key + ", not Ed25519 (1.3.101.112)");
    }
    if (!ID_EC_PUBLIC_KEY.equals(algorithm)) {
      throw new IllegalArgumentException(source + " holds " + key + "; Cobo API keys are Ed25519 or secp256k1");
    }
    requireSecp256k1(info.getPrivateKeyAlgorithm().getParameters(), source);
    ECPrivateKey ec;
    try {
      ec = ECPrivateKey.getInstance(info.parsePrivateKey());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 secp256k1 private key");
    }
    return secp256k1(ec, source);
  }

  private static ApiSecret ed25519(PrivateKeyInfo info, String source) {
    byte[] seed;
    try {
      // RFC 8410: the PKCS#8 privateKey field wraps an OCTET STRING holding the 32-byte seed.
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 Ed25519 private key");
    }
    try {
      if (seed.length != KEY_BYTES) {
        throw new IllegalArgumentException(source + " holds an Ed25519 key of the wrong length");
      }
      ApiSecret key = ApiSecret.named(KeyType.ED25519, seed, source);
      // PKCS#8 v2 may carry the public key too; a mismatch means a corrupt or tampered file.
      ASN1BitString attached = info.getPublicKeyData();
      if (attached != null && !Hex.encode(attached.getOctets()).equals(key.signer().apiKey())) {
        throw new IllegalArgumentException(source + " holds a public key that does not match its private key");
      }
      return key;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static ECPrivateKey sec1(byte[] der, String source) {
    try {
      return ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed EC private key");
    }
  }

  /** A SEC1 {@code EC PRIVATE KEY}: the curve is in the structure itself. */
  private static ApiSecret sec1(ECPrivateKey ec, String source) {
    ASN1Encodable parameters;
    try {
      parameters = ec.getParametersObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed EC private key");
    }
    requireSecp256k1(parameters, source);
    return secp256k1(ec, source);
  }

  private static ApiSecret secp256k1(ECPrivateKey ec, String source) {
    BigInteger d;
    byte @Nullable [] attached;
    try {
      d = ec.getKey();
      ASN1BitString publicKey = ec.getPublicKey();
      attached = publicKey == null ? null : publicKey.getOctets();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed secp256k1 private key");
    }
    if (d.signum() < 0 || d.bitLength() > 8 * KEY_BYTES) {
      throw new IllegalArgumentException(source + " holds an EC private key that is not 32 bytes");
    }
    byte[] scalar = BigIntegers.asUnsignedByteArray(KEY_BYTES, d);
    try {
      ApiSecret key = ApiSecret.named(KeyType.SECP256K1, scalar, source);
      // A SEC1 key may carry its public key; a mismatch means a corrupt or tampered file.
      if (attached != null && !Secp256k1RequestSigner.apiKeyOf(attached, source).equals(key.signer().apiKey())) {
        throw new IllegalArgumentException(source + " holds a public key that does not match its private key");
      }
      return key;
    } finally {
      Arrays.fill(scalar, (byte) 0);
    }
  }

  private static void requireSecp256k1(@Nullable ASN1Encodable parameters, String source) {
    ASN1ObjectIdentifier curve = curveOf(parameters);
    if (!ID_SECP256K1.equals(curve)) {
      String name = curve == null ? null : CURVES.get(curve.getId());
      throw new IllegalArgumentException(
          source + " holds an EC key on " + (name != null ? name : "another curve") + ", not secp256k1; Cobo API"
              + " keys are Ed25519 or secp256k1");
    }
  }

  private static @Nullable ASN1ObjectIdentifier curveOf(@Nullable ASN1Encodable parameters) {
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
}
