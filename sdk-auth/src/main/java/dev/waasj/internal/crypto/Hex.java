package dev.waasj.internal.crypto;

/**
 * Lower-case hexadecimal, as Cobo writes keys and signatures.
 *
 * <p>{@link #decode} is strict (even length, only {@code 0-9a-fA-F}) and its exceptions never quote the input,
 * because the input is often a secret.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Encodes {@code bytes} as lower-case hex, two characters per byte. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0, j = 0; i < bytes.length; i++) {
      int b = bytes[i];
      out[j++] = DIGITS[(b >> 4) & 0xf];
      out[j++] = DIGITS[b & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex of either case into bytes.
   *
   * @throws IllegalArgumentException if {@code hex} has odd length or a character outside {@code 0-9a-fA-F}; the
   *     message states which, never the offending content
   */
  public static byte[] decode(CharSequence hex) {
    int length = hex.length();
    if ((length & 1) != 0) {
      throw new IllegalArgumentException("hex string has odd length " + length);
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex.charAt(2 * i));
      int lo = digit(hex.charAt(2 * i + 1));
      if ((hi | lo) < 0) {
        throw new IllegalArgumentException("hex string contains a non-hex character");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Whether {@code s} consists of exactly {@code length} hex characters of either case. */
  public static boolean isHex(CharSequence s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
