package dev.waasj.internal.portal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A raw query string, parsed strictly: every occurrence of every name kept (so a repeated parameter is seen), bad
 * percent-encoding an error rather than a guess.
 */
public final class QueryParameters {
  /** The longest query accepted: an installation callback carries two short parameters. */
  public static final int MAX_QUERY_CHARS = 2048;

  private QueryParameters() {}

  /**
   * The parameters of {@code rawQuery} (without the {@code ?}); an empty map for null or empty.
   *
   * @throws IllegalArgumentException if the query is longer than {@link #MAX_QUERY_CHARS} or badly encoded; the
   *     message never quotes it
   */
  public static Map<String, List<String>> parse(@Nullable String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    if (rawQuery.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("the query is longer than " + MAX_QUERY_CHARS + " characters");
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the query is not percent-encoded correctly");
    }
  }
}
