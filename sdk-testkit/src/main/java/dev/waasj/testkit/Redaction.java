package dev.waasj.testkit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Masks request signatures and OAuth tokens before anything is printed. */
final class Redaction {
  static final String MASK = "<redacted>";

  private static final Set<String> SECRET_HEADERS = Set.of("biz-api-signature", "authorization");
  private static final Pattern JSON_TOKEN =
      Pattern.compile("(\"(?:access_token|refresh_token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
  private static final Pattern QUERY_TOKEN = Pattern.compile("((?:^|&)(?:access_token|refresh_token)=)[^&]*");

  private Redaction() {}

  static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  static String body(String body) {
    return JSON_TOKEN.matcher(body).replaceAll("$1" + MASK + "$2");
  }

  static String query(String query) {
    return QUERY_TOKEN.matcher(query).replaceAll("$1" + MASK);
  }
}
