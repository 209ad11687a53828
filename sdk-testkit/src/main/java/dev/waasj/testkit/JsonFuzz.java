package dev.waasj.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Hostile response bodies for fuzzing a client's response handling, reproducible from a seed: JSON of the wrong
 * shape (wrong types, nulls, huge, negative and fractional numbers, odd strings, deep nesting) built around the
 * member names a model reads, plus documents that are not JSON at all (empty, truncated, invalid UTF-8).
 *
 * <pre>{@code
 * JsonFuzz fuzz = JsonFuzz.seeded(42);
 * for (int i = 0; i < 500; i++) {
 *   byte[] body = fuzz.next(List.of("transaction_id", "status", "amount"));
 *   // serve it (signed, through the emulator or your own server) and assert the client throws only its own types
 * }
 * }</pre>
 *
 * <p>Not thread-safe: give each thread its own.
 */
public final class JsonFuzz {
  private static final String[] STRINGS = {
    "", " ", "null", "true", "0", "-1", "1e309", "NaN", "2026-13-45T25:61:61Z", "not-a-uuid", "\u0000",
    "\uD83D\uDE00", "\uFFFF", "\\", "\"", "<html>", "x".repeat(300)
  };
  private static final String[] NUMBERS = {
    "0", "-0", "1", "-1", "0.1", "1e16", "1E400", "-1e400", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "2147483648", "123456789012345678901234567890", "1.0000000000000000000001", "4.9e-324"
  };

  private final Random random;

  private JsonFuzz(long seed) {
    this.random = new Random(seed);
  }

  /** A generator whose sequence of documents depends only on {@code seed}. */
  public static JsonFuzz seeded(long seed) {
    return new JsonFuzz(seed);
  }

  /**
   * The next body. Most are JSON objects using {@code names} (so every member a model reads gets a hostile value);
   * some are other JSON values, deeply nested JSON, or bytes that are not valid JSON or UTF-8.
   *
   * @param names member names to use; may be empty
   */
  public byte[] next(List<String> names) {
    Objects.requireNonNull(names, "names");
    int kind = random.nextInt(20);
    switch (kind) {
      case 0:
        return new byte[0];
      case 1:
        return invalidUtf8();
      case 2: {
        byte[] json = object(names, 3).getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(json, random.nextInt(json.length + 1)); // truncated
      }
      case 3:
        return deep(50 + random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
      case 4:
        return value(names, 2).getBytes(StandardCharsets.UTF_8);
      default:
        return object(names, 3).getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * A body close to a valid one, to get past the first checks and into deeper code: {@code members} (names to JSON
   * literals, in order) with one member's value replaced by a hostile one, dropped, or repeated with another value.
   *
   * @param members a valid object's members, e.g. {@code "expires_in" -> "43199"}
   */
  public byte[] near(java.util.Map<String, String> members) {
    Objects.requireNonNull(members, "members");
    List<String> names = new java.util.ArrayList<>(members.keySet());
    String target = names.isEmpty() ? "" : names.get(random.nextInt(names.size()));
    int change = random.nextInt(4);
    StringBuilder out = new StringBuilder("{");
    for (String name : names) {
      boolean hit = name.equals(target);
      if (hit && change == 0) {
        continue; // dropped
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(name)).append(':').append(hit ? value(names, 2) : members.get(name));
      if (hit && change == 3) {
        out.append(',').append(quote(name)).append(':').append(value(names, 1)); // repeated
      }
    }
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private String object(List<String> names, int depth) {
    StringBuilder out = new StringBuilder("{");
    int members = names.isEmpty() ? random.nextInt(4) : random.nextInt(names.size() + 2);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        out.append(',');
      }
      String name = names.isEmpty() || random.nextInt(8) == 0 ? "extra_" + i : names.get(random.nextInt(names.size()));
      out.append(quote(name)).append(':').append(value(names, depth - 1));
    }
    return out.append('}').toString();
  }

  private String value(List<String> names, int depth) {
    switch (random.nextInt(depth > 0 ? 8 : 5)) {
      case 0:
        return "null";
      case 1:
        return random.nextBoolean() ? "true" : "false";
      case 2:
        return NUMBERS[random.nextInt(NUMBERS.length)];
      case 3:
        return quote(STRINGS[random.nextInt(STRINGS.length)]);
      case 4:
        return quote(NUMBERS[random.nextInt(NUMBERS.length)]);
      case 5:
        return "[" + value(names, depth - 1) + "," + value(names, depth - 1) + "]";
      case 6:
        return "[]";
      default:
        return object(names, depth - 1);
    }
  }

  private String deep(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      out.append(i % 2 == 0 ? "{\"data\":" : "[");
    }
    out.append("1");
    for (int i = depth - 1; i >= 0; i--) {
      out.append(i % 2 == 0 ? "}" : "]");
    }
    return out.toString();
  }

  private byte[] invalidUtf8() {
    byte[] prefix = "{\"data\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[prefix.length + 6];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    out[prefix.length] = (byte) 0xC3;
    out[prefix.length + 1] = (byte) 0x28;
    out[prefix.length + 2] = (byte) 0xF0;
    out[prefix.length + 3] = (byte) 0x9F;
    out[prefix.length + 4] = '"';
    out[prefix.length + 5] = '}';
    return out;
  }

  private static String quote(String s) {
    return Json.quote(s);
  }
}
