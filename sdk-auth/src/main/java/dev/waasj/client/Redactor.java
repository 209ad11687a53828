package dev.waasj.client;

import dev.waasj.runtime.json.ModelSupport;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Removes secrets from what the client logs: header values, JSON field values and query values. */
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

  /** Words in a JSON field or query parameter name that mark its value as a secret. */
  private static final String SENSITIVE_WORD = "(?:token|secret|signature|password|private|key)";

  private static final String SENSITIVE_NAME = "[^\"]*" + SENSITIVE_WORD + "[^\"]*";

  /** A JSON string field whose name suggests a secret, e.g. {@code "refresh_token": "..."}. */
  private static final Pattern SENSITIVE_JSON_FIELD =
      Pattern.compile("(\"" + SENSITIVE_NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.CASE_INSENSITIVE);

  private static final Pattern SENSITIVE_PARAM =
      Pattern.compile(".*" + SENSITIVE_WORD + ".*", Pattern.CASE_INSENSITIVE);

  private Redactor() {}

  static String header(String name, String value) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value;
  }

  static String json(String body) {
    return SENSITIVE_JSON_FIELD.matcher(body).replaceAll("$1\"" + Matcher.quoteReplacement(REDACTED) + "\"");
  }

  static String url(HttpUrl url) {
    if (url.querySize() == 0) {
      return url.toString();
    }
    HttpUrl.Builder builder = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      builder.addQueryParameter(name, value != null && SENSITIVE_PARAM.matcher(name).matches() ? REDACTED : value);
    }
    return builder.build().toString();
  }
}
