package dev.waasj.auth.signing;

import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A {@link RequestSigner} holding a secp256k1 API secret in memory (Bouncy Castle). Signs the 32-byte digest with
 * ECDSA, deterministically (RFC 6979 with HMAC-SHA256, so the same request signs the same way, as the vendor's
 * vectors do) and with low S (s at most n/2, which every verifier accepts), DER-encoded. The API key is the
 * compressed public key, 66 hex characters. Immutable and thread-safe; the key is parsed and the API key derived
 * once.
 *
 * <p>Factories take the secret as hex (the 32-byte private scalar, which does not say its curve, so this class is
 * the caller's statement that it is secp256k1) or as PEM, SEC1 ({@code -----BEGIN EC PRIVATE KEY-----}, as {@code
 * openssl ecparam -name secp256k1 -genkey} writes) or PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}); a PEM names its
 * curve, and a key on any other curve is refused. Invalid input raises {@link IllegalArgumentException} whose
 * message never quotes the secret.
 */
public final class Secp256k1RequestSigner implements RequestSigner {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

  private final ECPrivateKeyParameters privateKey;
  private final String apiKey;

  private Secp256k1RequestSigner(BigInteger d) {
    if (d.signum() <= 0 || d.compareTo(CURVE.getN()) >= 0) {
      throw new IllegalArgumentException(
          "API secret is not a valid secp256k1 private key: it must be a number from 1 to n-1 (it is zero or too"
              + " large)");
    }
    this.privateKey = new ECPrivateKeyParameters(d, DOMAIN);
    this.apiKey = Hex.encode(new FixedPointCombMultiplier().multiply(CURVE.getG(), d).normalize().getEncoded(true));
  }

  /** A signer for the 32-byte big-endian private key. */
  static Secp256k1RequestSigner fromKey(byte[] key) {
    return new Secp256k1RequestSigner(new BigInteger(1, key));
  }

  /** The API key (compressed point, hex) of an encoded public point, checking it lies on the curve. */
  static String apiKeyOf(byte[] encodedPoint, String source) {
    try {
      return Hex.encode(CURVE.getCurve().decodePoint(encodedPoint).getEncoded(true));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + " holds a public key that is not a secp256k1 point");
    }
  }

  /**
   * Creates a signer from the 32-byte secp256k1 private key as 64 hex characters of either case. Surrounding
   * whitespace is ignored.
   *
   * @throws IllegalArgumentException if it is not 64 hex characters, or is zero or not below the curve order
   */
  public static Secp256k1RequestSigner fromHexSecret(String hexSecret) {
    if (PemKey.isPem(hexSecret)) {
      throw new IllegalArgumentException("API secret looks like a PEM key; use fromPem or fromPemFile");
    }
    return (Secp256k1RequestSigner) ApiSecret.fromHex(hexSecret, KeyType.SECP256K1).signer();
  }

  /**
   * Creates a signer from an unencrypted secp256k1 PEM key, SEC1 or PKCS#8. Text around the PEM block is ignored.
   *
   * @throws IllegalArgumentException if it holds no secp256k1 private key; the message names the curve or
   *     algorithm it does hold
   */
  public static Secp256k1RequestSigner fromPem(String pem) {
    return (Secp256k1RequestSigner) PemKey.parse(pem, "API secret PEM", KeyType.SECP256K1).signer();
  }

  /**
   * Reads {@code file} and creates a signer from it as {@link #fromPem} does.
   *
   * @throws IllegalArgumentException if the file cannot be read or holds no secp256k1 private key; the message
   *     names the file, never its content
   */
  public static Secp256k1RequestSigner fromPemFile(Path file) {
    String source = PemKey.fileSource(file);
    return (Secp256k1RequestSigner) PemKey.parse(PemKey.readFile(file, source), source, KeyType.SECP256K1).signer();
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  @Override
  public KeyType keyType() {
    return KeyType.SECP256K1;
  }

  /**
   * Signs the 32-byte request digest: ECDSA with RFC 6979 nonces, low S, DER-encoded.
   *
   * @throws IllegalArgumentException if {@code digest} is not 32 bytes
   */
  @Override
  public byte[] sign(byte[] digest) {
    if (digest.length != Digests.DOUBLE_SHA256_LENGTH) {
      throw new IllegalArgumentException(
          "digest must be the 32-byte double SHA-256 of the string to sign, got " + digest.length + " bytes");
    }
    // A signer per call: Bouncy Castle's ECDSASigner keeps state between init and sign.
    ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    ecdsa.init(true, privateKey);
    BigInteger[] rs = ecdsa.generateSignature(digest);
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
    try {
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(s)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of two integers failed", e);
    }
  }

  /** Shows the public API key only. */
  @Override
  public String toString() {
    return "Secp256k1RequestSigner{apiKey=" + apiKey + "}";
  }
}
