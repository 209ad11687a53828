package dev.waasj.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Cobo's signature primitives on the JDK's own Ed25519 provider: raw 32-byte keys wrapped in fixed DER prefixes,
 * and the double SHA-256 digest that Cobo signs instead of the message itself.
 */
final class Ed25519 {
  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  // PKCS#8 PrivateKeyInfo and X.509 SubjectPublicKeyInfo headers for OID 1.3.101.112 (Ed25519), RFC 8410.
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

  private Ed25519() {}

  static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK rejected an Ed25519 private key", e);
    }
  }

  /** Wraps a raw public key; an invalid curve point is only detected when verifying, which then fails. */
  static PublicKey publicKey(byte[] raw) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /**
   * Derives the raw public key of a seed. JDK 17 has no public API for that, but its key-pair generator takes the
   * seed as the 32 bytes it draws from the random source, so a source that yields exactly the seed does the job.
   */
  static byte[] publicKeyOf(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytesRandom(seed));
      byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
      return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519 key-pair generator", e);
    }
  }

  static byte[] randomSeed(SecureRandom random) {
    byte[] seed = new byte[KEY_BYTES];
    random.nextBytes(seed);
    return seed;
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** False for any failure, including a public key that is not a valid curve point. */
  static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** What Cobo signs: {@code sha256(sha256(utf8(text)))}. */
  static byte[] doubleSha256(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] once = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
      return sha256.digest(once);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] concat(byte[] prefix, byte[] raw) {
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 key has " + KEY_BYTES + " bytes");
    }
    byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, out, prefix.length, raw.length);
    return out;
  }

  private static byte[] hex(String s) {
    return Hex.decode(s, s.length() / 2, "DER prefix");
  }

  /** A random source that yields one fixed byte string; only used to feed a known seed to the generator. */
  private static final class FixedBytesRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    FixedBytesRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("unexpected draw of " + out.length + " bytes");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
