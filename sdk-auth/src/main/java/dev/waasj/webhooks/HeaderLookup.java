package dev.waasj.webhooks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads one request header by name; {@code request::getHeader} for a servlet, {@code
 * exchange.getRequestHeaders()::getFirst} for the JDK's HTTP server. Cobo's header names are spelled several ways
 * ({@code BIZ_TIMESTAMP}, {@code biz-timestamp}); the receiver asks for each.
 */
@FunctionalInterface
public interface HeaderLookup {
  /** The first value of header {@code name}, or null when there is none. */
  @Nullable String get(String name);

  /** A lookup over a map of headers, with names compared case-insensitively. */
  static HeaderLookup of(Map<String, ? extends List<String>> headers) {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
    return name -> {
      List<String> values = byName.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    };
  }
}
