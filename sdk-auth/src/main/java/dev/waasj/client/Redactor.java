package dev.waasj.client;

import dev.waasj.internal.json.ModelSupport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Removes secrets from what the client logs: header values, JSON field values and query values. A value is
 * redacted because of what it is, judged by its name's words, not because its name merely looks like a secret's:
 * {@code refresh_token} and {@code api_secret} are hidden, {@code token_type} and {@code token_id} are not.
 */
final class Redactor {
  /** The same marker generated models print, so every redaction reads alike. */
  static final String REDACTED = ModelSupport.REDACTED;

  private static final Set<String> SENSITIVE_HEADERS =
      Set.of(
          "biz-api-key",
          "biz-api-nonce",
          "biz-api-signature",
          "biz_resp_signature",
          "biz-resp-signature",
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie");

  /** Words that make a name secret wherever they stand: {@code private_key}, {@code client_secret}. */
  private static final Set<String> SECRET_ANYWHERE = Set.of("secret", "private", "password", "passphrase", "mnemonic");

  /** Words that make a name secret as its last word: {@code access_token}, {@code signature}, but not {@code token_type}. */
  private static final Set<String> SECRET_LAST = Set.of("token", "signature", "seed");

  /** A JSON member with a string value. */
  private static final Pattern JSON_STRING_MEMBER =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  private Redactor() {}

  static String header(String name, String value) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value;
  }

  /** Whether a field or parameter of this name holds a secret. */
  static boolean isSecretName(String name) {
    String[] words = WORD_BREAK.split(name);
    for (String word : words) {
      if (SECRET_ANYWHERE.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return words.length > 0 && SECRET_LAST.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
  }

  static String json(String body) {
    Matcher m = JSON_STRING_MEMBER.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String replacement =
          isSecretName(m.group(1)) ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + REDACTED + "\"" : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The URL as sent, with secret query values replaced and every other byte of the query left as signed. */
  static String url(HttpUrl url) {
    String query = url.encodedQuery();
    String base = url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":"
        + url.port()) + url.encodedPath();
    if (query == null) {
      return base;
    }
    StringBuilder out = new StringBuilder(base).append('?');
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && isSecretName(decode(name))) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(pair);
      }
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
