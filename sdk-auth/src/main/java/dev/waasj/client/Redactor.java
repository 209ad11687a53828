package dev.waasj.client;

import dev.waasj.internal.redaction.SecretNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Removes secrets from what the client logs: header values, JSON field values and query values, hidden by the
 * SDK's one rule of secret names ({@link SecretNames}), the one generated models' {@code toString()} follows, and
 * replaced by its one marker. A value is redacted because of what it is, judged by its name's words, not because its
 * name merely looks like a secret's: {@code refresh_token}, {@code api_secret} and {@code signature} are hidden,
 * {@code token_type} and {@code token_id} are not.
 */
final class Redactor {
  /** The marker every redaction in the SDK prints. */
  static final String REDACTED = SecretNames.MARKER;

  /** A JSON member with a string value. */
  private static final Pattern JSON_STRING_MEMBER =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private Redactor() {}

  static String header(String name, String value) {
    return SecretNames.isSecretHeader(name) ? REDACTED : value;
  }

  /** Whether a field or parameter of this name holds a secret. */
  static boolean isSecretName(String name) {
    return SecretNames.isSecret(name);
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
