package dev.waasj.internal.redaction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which names hold secrets: JSON fields, query parameters and model properties by their words, HTTP
 * headers by a short list. A value is hidden because of what its name says it is, not because the name merely
 * looks like a secret's: {@code refresh_token}, {@code api_secret} and {@code signature} are hidden; {@code
 * token_type}, {@code token_id} and {@code signature_type} are not.
 *
 * <p>A name is split into words at every character that is not a letter or digit and before each upper-case letter
 * that follows a lower-case one or a digit ({@code accessToken} is {@code access}, {@code token}). It is secret if
 *
 * <ul>
 *   <li>any word is one of {@link #SECRET_ANYWHERE} ({@code client_secret}, {@code private_key}, {@code
 *       passphrase}), or
 *   <li>its last word is one of {@link #SECRET_LAST} ({@code access_token}, {@code id_token}, {@code signature},
 *       {@code tx_signature}, {@code seed}).
 * </ul>
 */
public final class SecretNames {
  /** What stands in place of a secret value, everywhere the SDK prints one. */
  public static final String MARKER = "[REDACTED]";

  /** Words that make a name secret wherever they stand. */
  public static final Set<String> SECRET_ANYWHERE =
      Set.of("secret", "private", "password", "passphrase", "mnemonic");

  /** Words that make a name secret as its last word, and only there: {@code token_type} is not a token. */
  public static final Set<String> SECRET_LAST = Set.of("token", "signature", "seed");

  /**
   * Headers whose values are hidden besides those the word rule hides ({@code BIZ-API-SIGNATURE}, {@code
   * BIZ_RESP_SIGNATURE}): credentials, and the request's key and nonce, lower case.
   */
  public static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "biz-api-key", "biz-api-nonce");

  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  private SecretNames() {}

  /** Whether a field, parameter or property of this name holds a secret. */
  public static boolean isSecret(String name) {
    String[] words = WORD_BREAK.split(name);
    for (String word : words) {
      if (SECRET_ANYWHERE.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return words.length > 0 && SECRET_LAST.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
  }

  /** Whether an HTTP header of this name (any case) carries a secret. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecret(name);
  }
}
