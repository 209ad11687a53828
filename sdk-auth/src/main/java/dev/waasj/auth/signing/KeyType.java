package dev.waasj.auth.signing;

import java.util.Locale;
import java.util.regex.Pattern;

/** The two kinds of API key Cobo accepts. The hex form of a secret does not say which it is; a PEM key does. */
public enum KeyType {
  /** Ed25519: a 32-byte seed signs; the API key is the 32-byte public key (64 hex characters). The default. */
  ED25519,
  /**
   * ECDSA over secp256k1: a 32-byte scalar signs, deterministically (RFC 6979) and with low S, DER-encoded; the API
   * key is the compressed public point (66 hex characters).
   */
  SECP256K1;

  /** What a mistyped key type looks like, and so may be quoted: a few letters, digits and dashes. */
  private static final Pattern SHORT_WORD = Pattern.compile("[A-Za-z0-9_-]{1,12}");

  /**
   * Parses {@code ed25519} or {@code secp256k1}, case-insensitively, as {@code COBO_API_KEY_TYPE} spells them.
   *
   * @throws IllegalArgumentException for any other name; the message quotes only a short word, since a secret
   *     pasted into the wrong variable must not be echoed
   */
  public static KeyType parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "ed25519":
        return ED25519;
      case "secp256k1":
        return SECP256K1;
      default:
        String shown = name.trim();
        throw new IllegalArgumentException(
            "Unknown API key type "
                + (SHORT_WORD.matcher(shown).matches() ? "'" + shown + "'" : "(" + shown.length() + " characters)")
                + ": use ed25519 or secp256k1");
    }
  }
}
