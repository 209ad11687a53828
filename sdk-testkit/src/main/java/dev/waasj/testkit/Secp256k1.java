package dev.waasj.testkit;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * secp256k1 for the emulator, written from SEC 2 and SEC 1 with {@link BigInteger} alone: the JDK dropped the
 * curve in Java 16, and the client's Bouncy Castle code must not check itself. Enough to derive compressed public
 * keys, decompress them, and verify ECDSA over a 32-byte digest (high-S accepted, as any verifier must).
 */
final class Secp256k1 {
  static final int PRIVATE_KEY_BYTES = 32;
  static final int COMPRESSED_KEY_BYTES = 33;

  static final BigInteger P = new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  static final BigInteger N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  private static final BigInteger B = BigInteger.valueOf(7);
  private static final Point G =
      new Point(
          new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16),
          new BigInteger("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", 16));
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2); // P = 3 mod 4
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private Secp256k1() {}

  /** An affine point; null stands for the point at infinity. */
  record Point(BigInteger x, BigInteger y) {}

  /** A point in Jacobian coordinates (X/Z^2, Y/Z^3), so additions need no inversions; Z = 0 is infinity. */
  private record Jacobian(BigInteger x, BigInteger y, BigInteger z) {
    static final Jacobian INFINITY = new Jacobian(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

    boolean isInfinity() {
      return z.signum() == 0;
    }
  }

  /** A random private scalar in [1, N-1]. */
  static byte[] randomPrivateKey(SecureRandom random) {
    while (true) {
      byte[] d = new byte[PRIVATE_KEY_BYTES];
      random.nextBytes(d);
      BigInteger k = new BigInteger(1, d);
      if (k.signum() > 0 && k.compareTo(N) < 0) {
        return d;
      }
    }
  }

  /** The compressed public key (33 bytes, 02 or 03 then x) of a private scalar. */
  static byte[] compressedPublicKey(byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("a secp256k1 private key must be in [1, n-1]");
    }
    Point q = toAffine(multiply(G, d));
    byte[] out = new byte[COMPRESSED_KEY_BYTES];
    out[0] = (byte) (q.y().testBit(0) ? 3 : 2);
    byte[] x = q.x().toByteArray();
    int copy = Math.min(x.length, 32);
    System.arraycopy(x, x.length - copy, out, COMPRESSED_KEY_BYTES - copy, copy);
    return out;
  }

  /**
   * Decompresses a 33-byte key.
   *
   * @throws IllegalArgumentException if it is not 02/03 followed by the x of a point on the curve
   */
  static Point decompress(byte[] compressed) {
    if (compressed.length != COMPRESSED_KEY_BYTES || (compressed[0] != 2 && compressed[0] != 3)) {
      throw new IllegalArgumentException("a compressed secp256k1 key is 33 bytes starting with 02 or 03");
    }
    BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(compressed, 1, COMPRESSED_KEY_BYTES));
    if (x.compareTo(P) >= 0) {
      throw new IllegalArgumentException("the key's x is not a field element");
    }
    BigInteger ySquared = x.pow(3).add(B).mod(P);
    BigInteger y = ySquared.modPow(SQRT_EXPONENT, P);
    if (!y.multiply(y).mod(P).equals(ySquared)) {
      throw new IllegalArgumentException("the key is not a point on secp256k1");
    }
    if (y.testBit(0) != (compressed[0] == 3)) {
      y = P.subtract(y);
    }
    return new Point(x, y);
  }

  /** Whether {@code derSignature} is a valid ECDSA signature of {@code digest} by {@code key}. */
  static boolean verify(Point key, byte[] digest, byte[] derSignature) {
    BigInteger[] rs = parseDer(derSignature);
    if (rs == null) {
      return false;
    }
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger z = new BigInteger(1, digest);
    BigInteger w = s.modInverse(N);
    Jacobian sum = add(multiply(G, z.multiply(w).mod(N)), multiply(key, r.multiply(w).mod(N)));
    if (sum.isInfinity()) {
      return false;
    }
    return toAffine(sum).x().mod(N).equals(r);
  }

  /** r and s of a DER {@code SEQUENCE { INTEGER r, INTEGER s }}, or null when it is not one (strictly). */
  static BigInteger @Nullable [] parseDer(byte[] der) {
    if (der.length < 8 || der.length > 72 || der[0] != 0x30 || (der[1] & 0xff) != der.length - 2) {
      return null;
    }
    int at = 2;
    BigInteger[] out = new BigInteger[2];
    for (int i = 0; i < 2; i++) {
      if (at + 2 > der.length || der[at] != 0x02) {
        return null;
      }
      int length = der[at + 1] & 0xff;
      at += 2;
      if (length == 0 || length > 33 || at + length > der.length) {
        return null;
      }
      // Minimal encoding: no needless leading zero, and no negative number.
      if ((der[at] & 0x80) != 0 || (length > 1 && der[at] == 0 && (der[at + 1] & 0x80) == 0)) {
        return null;
      }
      out[i] = new BigInteger(1, java.util.Arrays.copyOfRange(der, at, at + length));
      at += length;
    }
    return at == der.length ? out : null;
  }

  private static Jacobian multiply(Point p, BigInteger k) {
    Jacobian base = new Jacobian(p.x(), p.y(), BigInteger.ONE);
    Jacobian result = Jacobian.INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = twice(result);
      if (k.testBit(i)) {
        result = add(result, base);
      }
    }
    return result;
  }

  private static Jacobian twice(Jacobian p) {
    if (p.isInfinity() || p.y().signum() == 0) {
      return Jacobian.INFINITY;
    }
    BigInteger ySquared = p.y().multiply(p.y()).mod(P);
    BigInteger s = BigInteger.valueOf(4).multiply(p.x()).multiply(ySquared).mod(P);
    BigInteger m = THREE.multiply(p.x()).multiply(p.x()).mod(P); // a = 0 for secp256k1
    BigInteger x = m.multiply(m).subtract(s.shiftLeft(1)).mod(P);
    BigInteger y = m.multiply(s.subtract(x)).subtract(BigInteger.valueOf(8).multiply(ySquared).multiply(ySquared)).mod(P);
    BigInteger z = p.y().multiply(p.z()).shiftLeft(1).mod(P);
    return new Jacobian(x, y, z);
  }

  private static Jacobian add(Jacobian p, Jacobian q) {
    if (p.isInfinity()) {
      return q;
    }
    if (q.isInfinity()) {
      return p;
    }
    BigInteger pz2 = p.z().multiply(p.z()).mod(P);
    BigInteger qz2 = q.z().multiply(q.z()).mod(P);
    BigInteger u1 = p.x().multiply(qz2).mod(P);
    BigInteger u2 = q.x().multiply(pz2).mod(P);
    BigInteger s1 = p.y().multiply(qz2).multiply(q.z()).mod(P);
    BigInteger s2 = q.y().multiply(pz2).multiply(p.z()).mod(P);
    if (u1.equals(u2)) {
      return s1.equals(s2) ? twice(p) : Jacobian.INFINITY;
    }
    BigInteger h = u2.subtract(u1).mod(P);
    BigInteger r = s2.subtract(s1).mod(P);
    BigInteger h2 = h.multiply(h).mod(P);
    BigInteger h3 = h2.multiply(h).mod(P);
    BigInteger u1h2 = u1.multiply(h2).mod(P);
    BigInteger x = r.multiply(r).subtract(h3).subtract(u1h2.shiftLeft(1)).mod(P);
    BigInteger y = r.multiply(u1h2.subtract(x)).subtract(s1.multiply(h3)).mod(P);
    BigInteger z = h.multiply(p.z()).multiply(q.z()).mod(P);
    return new Jacobian(x, y, z);
  }

  private static Point toAffine(Jacobian p) {
    BigInteger zInverse = p.z().modInverse(P);
    BigInteger zInverse2 = zInverse.multiply(zInverse).mod(P);
    return new Point(p.x().multiply(zInverse2).mod(P), p.y().multiply(zInverse2).multiply(zInverse).mod(P));
  }
}
