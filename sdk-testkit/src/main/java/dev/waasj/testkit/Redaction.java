package dev.waasj.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is printed: header values, JSON string values and query values whose names hold
 * secrets, by the SDK's one rule of secret names and with its one marker. The test kit depends on nothing of the
 * SDK, so this is a copy of the rule in {@code dev.waasj.internal.redaction.SecretNames}; the SDK's tests hold the
 * two equal, name by name.
 *
 * <p>A name is split into words at non-alphanumerics and lower-to-upper case changes; it is secret if any word is in
 * {@link #SECRET_ANYWHERE} or its last word is in {@link #SECRET_LAST} ({@code refresh_token} and {@code signature}
 * are, {@code token_type} is not). A header is secret by that rule or by {@link #SECRET_HEADERS}.
 */
final class Redaction {
  static final String MASK = "[REDACTED]";

  static final Set<String> SECRET_ANYWHERE = Set.of("secret", "private", "password", "passphrase", "mnemonic");
  static final Set<String> SECRET_LAST = Set.of("token", "signature", "seed");
  static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "biz-api-key", "biz-api-nonce");

  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern JSON_STRING_MEMBER =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private Redaction() {}

  static boolean isSecretName(String name) {
    String[] words = WORD_BREAK.split(name);
    for (String word : words) {
      if (SECRET_ANYWHERE.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return words.length > 0 && SECRET_LAST.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
  }

  static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecretName(name);
  }

  static String body(String body) {
    Matcher m = JSON_STRING_MEMBER.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String replacement =
          isSecretName(m.group(1)) ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"" : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  static String query(String query) {
    StringBuilder out = new StringBuilder(query.length());
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      int eq = pairs[i].indexOf('=');
      String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
      out.append(eq >= 0 && isSecretName(decode(name)) ? name + "=" + MASK : pairs[i]);
    }
    return out.toString();
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return component;
    }
  }
}
