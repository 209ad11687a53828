package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Rewrites an encoded query into the one form Cobo's servers and SDKs agree on: form encoding, where only
 * {@code A-Z a-z 0-9 - _ . ~} stay literal, a space is {@code +} and every other byte is {@code %XX} (upper
 * case) of its UTF-8 encoding. Parameter order is kept.
 *
 * <p>Works on bytes, not decoded strings, so percent-escapes that are not valid UTF-8 survive unchanged.
 */
final class FormQuery {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private FormQuery() {}

  /**
   * Returns the canonical form of {@code encodedQuery} (a query as {@code HttpUrl.encodedQuery()} returns it,
   * where {@code +} means space). Returns the same instance when it is already canonical. Empty parameters
   * ({@code a=1&&b=2}) are dropped; a name without {@code =} stays without one.
   */
  static String canonicalize(String encodedQuery) {
    int length = encodedQuery.length();
    StringBuilder out = new StringBuilder(length + 16);
    int start = 0;
    while (start <= length) {
      int end = encodedQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (out.length() > 0) {
          out.append('&');
        }
        int equals = encodedQuery.indexOf('=', start);
        if (equals < 0 || equals > end) {
          appendComponent(encodedQuery, start, end, out);
        } else {
          appendComponent(encodedQuery, start, equals, out);
          out.append('=');
          appendComponent(encodedQuery, equals + 1, end, out);
        }
      }
      start = end + 1;
    }
    // The common case (plain IDs) is already canonical: keep the URL as it is.
    String canonical = out.toString();
    return canonical.equals(encodedQuery) ? encodedQuery : canonical;
  }

  /** Decodes {@code s[from, to)} (percent-escapes and {@code +}) and appends it form-encoded. */
  private static void appendComponent(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.append('+');
      } else if (c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        appendByte((Character.digit(s.charAt(i + 1), 16) << 4) | Character.digit(s.charAt(i + 2), 16), out);
        i += 2;
      } else if (c < 0x80) {
        appendByte(c, out);
      } else {
        // HttpUrl already escapes non-ASCII; handle it anyway so the rule holds for any input.
        int codePoint = s.codePointAt(i);
        i += Character.charCount(codePoint) - 1;
        for (byte b : new String(Character.toChars(codePoint)).getBytes(UTF_8)) {
          appendByte(b & 0xff, out);
        }
      }
    }
  }

  private static void appendByte(int b, StringBuilder out) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
        || b == '-' || b == '_' || b == '.' || b == '~') {
      out.append((char) b);
    } else if (b == ' ') {
      out.append('+');
    } else {
      out.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xf]);
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
