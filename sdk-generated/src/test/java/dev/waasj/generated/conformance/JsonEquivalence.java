package dev.waasj.generated.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares two JSON trees as {@link dev.waasj.json.JsonValues} reads them. Equivalent means: the same
 * objects, arrays, strings and booleans; numbers equal in value ({@code 1.0} equals {@code 1}); and an object member
 * whose value is {@code null} equals an absent member, since models do not tell an absent optional field from a null
 * one. Nothing else is forgiven: a string is never equal to a number.
 */
final class JsonEquivalence {
  private JsonEquivalence() {}

  /** The differences between {@code expected} and {@code actual}, each naming its JSON path; empty if equivalent. */
  static List<String> differences(@Nullable Object expected, @Nullable Object actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String path, @Nullable Object expected, @Nullable Object actual, List<String> out) {
    if (expected instanceof Map && actual instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) expected;
      Map<?, ?> a = (Map<?, ?>) actual;
      Set<Object> names = new LinkedHashSet<>(e.keySet());
      names.addAll(a.keySet());
      for (Object name : names) {
        compare(path + "." + name, e.get(name), a.get(name), out);
      }
    } else if (expected instanceof List && actual instanceof List) {
      List<?> e = (List<?>) expected;
      List<?> a = (List<?>) actual;
      if (e.size() != a.size()) {
        out.add(path + ": " + e.size() + " elements became " + a.size());
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (expected instanceof Number && actual instanceof Number) {
      if (new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) != 0) {
        out.add(path + ": " + expected + " became " + actual);
      }
    } else if (expected == null ? actual != null : !expected.equals(actual)) {
      out.add(path + ": " + describe(expected) + " became " + describe(actual));
    }
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "absent/null";
    }
    String text = String.valueOf(value);
    text = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return value.getClass().getSimpleName() + " " + text;
  }
}
