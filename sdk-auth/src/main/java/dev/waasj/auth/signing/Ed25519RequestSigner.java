package dev.waasj.auth.signing;

import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A {@link RequestSigner} holding the Ed25519 API secret in memory (Bouncy Castle). Immutable and thread-safe.
 *
 * <p>Create one per API key and share it: the key is parsed once and the API key (public key) derived once.
 * Factories accept the two forms Cobo users have:
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
  private static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
  private static final String EXPECTED_PEM =
      "expected an unencrypted Ed25519 PKCS#8 key (-----BEGIN PRIVATE KEY-----),"
          + " as written by 'openssl genpkey -algorithm ed25519'";

  /** PEM labels worth naming in an error; any other label is reported as unsupported without being echoed. */
  private static final Map<String, String> WRONG_PEM_LABELS =
      Map.of(
          "PUBLIC KEY", "holds a public key; the API secret is the private key",
          "ENCRYPTED PRIVATE KEY",
              "is encrypted; decrypt it first, e.g. 'openssl pkey -in encrypted.pem -out plain.pem'",
          "EC PRIVATE KEY", "holds an EC (SEC1) private key; " + EXPECTED_PEM,
          "RSA PRIVATE KEY", "holds an RSA private key; " + EXPECTED_PEM,
          "OPENSSH PRIVATE KEY", "holds an OpenSSH private key; " + EXPECTED_PEM,
          "CERTIFICATE", "holds a certificate; " + EXPECTED_PEM);

  /** Algorithm OIDs worth naming when a PKCS#8 key is not Ed25519. */
  private static final Map<String, String> OTHER_ALGORITHMS =
      Map.of(
          "1.2.840.113549.1.1.1", "RSA",
          "1.2.840.10045.2.1", "EC",
          "1.3.101.110", "X25519",
          "1.3.101.111", "X448",
          "1.3.101.113", "Ed448");

  // Bouncy Castle caches the derived public key inside, so sign() does not redo that scalar multiplication.
  private final Ed25519PrivateKeyParameters privateKey;
  private final Ed25519PublicKeyParameters publicKey;
  private final String apiKey;

  private Ed25519RequestSigner(byte[] seed) {
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    this.publicKey = privateKey.generatePublicKey();
    this.apiKey = Hex.encode(publicKey.getEncoded());
  }

  /**
   * Creates a signer from the API secret written as hex: the 32-byte Ed25519 seed, 64 hex characters of either
   * case. Surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException if {@code hexSecret} is not 64 hex characters
   */
  public static Ed25519RequestSigner fromHexSecret(String hexSecret) {
    String hex = hexSecret.strip();
    if (hex.startsWith("-----BEGIN")) {
      throw new IllegalArgumentException("API secret looks like a PEM key; use fromPem or fromPemFile");
    }
    if (hex.length() != 2 * SEED_LENGTH) {
      String hint =
          hex.length() == 4 * SEED_LENGTH
              ? "; a 128-character secret is usually a 64-byte seed+public key pair: pass its first 64 characters"
              : "";
      throw new IllegalArgumentException(
          "API secret must be 64 hex characters (a 32-byte Ed25519 seed) but has " + hex.length() + hint);
    }
    if (!Hex.isHex(hex, 2 * SEED_LENGTH)) {
      throw new IllegalArgumentException(
          "API secret must be 64 hex characters (a 32-byte Ed25519 seed) but contains a non-hex character");
    }
    byte[] seed = Hex.decode(hex);
    try {
      return new Ed25519RequestSigner(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Creates a signer from an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) holding an Ed25519
   * key, as written by {@code openssl genpkey -algorithm ed25519}. Text around the PEM block is ignored.
   *
   * @throws IllegalArgumentException if {@code pem} is not such a key (another PEM type, another algorithm,
   *     encrypted, or corrupt)
   */
  public static Ed25519RequestSigner fromPem(String pem) {
    return parsePem(pem, "API secret PEM");
  }

  /**
   * Reads {@code file} and creates a signer from it as {@link #fromPem} does.
   *
   * @throws IllegalArgumentException if the file cannot be read or does not hold such a key; the message names the
   *     file, never its content
   */
  public static Ed25519RequestSigner fromPemFile(Path file) {
    String source = "API secret PEM file " + file;
    return parsePem(PemKey.readFile(file, source), source);
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

  static Ed25519RequestSigner parsePem(String pem, String source) {
    String label = PemKey.label(pem, source, EXPECTED_PEM);
    if (!label.equals("PRIVATE KEY")) {
      String why = WRONG_PEM_LABELS.get(label);
      throw new IllegalArgumentException(
          source + " " + (why != null ? why : "has an unsupported PEM type; " + EXPECTED_PEM));
    }
    PemKey key = PemKey.parse(pem, source, EXPECTED_PEM);
    try {
      return fromPkcs8(key.der, source);
    } finally {
      key.wipe();
    }
  }

  private static Ed25519RequestSigner fromPkcs8(byte[] der, String source) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's parse errors can describe the content; report only that the structure is wrong.
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 private key");
    }
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (!PemKey.ID_ED25519.equals(algorithm)) {
      String name = OTHER_ALGORITHMS.getOrDefault(algorithm.getId(), "algorithm " + algorithm.getId());
      throw new IllegalArgumentException(source + " holds a " + name + " key, not Ed25519 (1.3.101.112)");
    }
    byte[] seed;
    try {
      // RFC 8410: the PKCS#8 privateKey field wraps an OCTET STRING holding the 32-byte seed.
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a well-formed PKCS#8 Ed25519 private key");
    }
    try {
      if (seed.length != SEED_LENGTH) {
        throw new IllegalArgumentException(source + " holds an Ed25519 key of the wrong length");
      }
      Ed25519RequestSigner signer = new Ed25519RequestSigner(seed);
      // PKCS#8 v2 may carry the public key too; a mismatch means a corrupt or tampered file.
      ASN1BitString attachedPublicKey = info.getPublicKeyData();
      if (attachedPublicKey != null
          && !Arrays.equals(attachedPublicKey.getOctets(), signer.publicKey.getEncoded())) {
        throw new IllegalArgumentException(source + " holds a public key that does not match its private key");
      }
      return signer;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }
}
