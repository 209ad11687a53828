package dev.waasj.testkit;

/** Lower-case hex encoding. Error messages never echo the input, which may be a secret seed. */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** True when {@code s} is exactly {@code length} lower-case hex characters. */
  static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Decodes {@code byteLength} bytes of lower-case hex; {@code what} names the value in the error message. */
  static byte[] decode(String s, int byteLength, String what) {
    if (!isLowerHex(s, byteLength * 2)) {
      throw new IllegalArgumentException(what + " must be " + byteLength * 2 + " lower-case hex characters");
    }
    byte[] out = new byte[byteLength];
    for (int i = 0; i < byteLength; i++) {
      out[i] = (byte) Integer.parseInt(s, 2 * i, 2 * i + 2, 16);
    }
    return out;
  }
}
