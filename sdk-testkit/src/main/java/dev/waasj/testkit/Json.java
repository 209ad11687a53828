package dev.waasj.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON for the emulator: quoting for the bodies it writes, and a strict parser for the refresh request.
 * The parser accepts the whole RFC 8259 grammar but rejects duplicate keys, since a body that means two things
 * must not be half-accepted.
 */
final class Json {
  /** Stands for a JSON {@code null} value inside parsed maps and lists. */
  static final Object NULL = new Object();

  private static final int MAX_DEPTH = 64;

  private Json() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The string member {@code name}, or null when it is absent or not a string. */
  static @Nullable String stringMember(Map<String, Object> object, String name) {
    return object.get(name) instanceof String s ? s : null;
  }

  /**
   * Parses a JSON text whose top level must be an object. Numbers stay as their source text.
   *
   * @throws IllegalArgumentException when the text is not valid JSON or not an object
   */
  static Map<String, Object> parseObject(String text) {
    Parser parser = new Parser(text);
    parser.skipWhitespace();
    Map<String, Object> result = parser.object(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("trailing characters");
    }
    return result;
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Map<String, Object> object(int depth) {
      expect('{');
      Map<String, Object> members = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return members;
      }
      while (true) {
        skipWhitespace();
        String name = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        if (members.put(name, value(depth + 1)) != null) {
          throw error("duplicate member");
        }
        skipWhitespace();
        char c = next();
        if (c == '}') {
          return members;
        }
        if (c != ',') {
          throw error("expected ',' or '}'");
        }
      }
    }

    private List<Object> array(int depth) {
      expect('[');
      List<Object> items = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return items;
      }
      while (true) {
        skipWhitespace();
        items.add(value(depth + 1));
        skipWhitespace();
        char c = next();
        if (c == ']') {
          return items;
        }
        if (c != ',') {
          throw error("expected ',' or ']'");
        }
      }
    }

    private Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested too deeply");
      }
      char c = peek();
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", NULL);
        default -> number();
      };
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw error("unexpected token");
      }
      pos += word.length();
      return value;
    }

    private String number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else {
        digits();
      }
      if (peek() == '.') {
        pos++;
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        digits();
      }
      return text.substring(start, pos);
    }

    private void digits() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw error("expected a digit");
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("control character in string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = next();
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("truncated escape");
            }
            try {
              out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
            } catch (NumberFormatException e) {
              throw error("bad unicode escape");
            }
            pos += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }

    void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    private void expect(char c) {
      if (next() != c) {
        throw error("expected '" + c + "'");
      }
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
      if (pos >= text.length()) {
        throw error("unexpected end of input");
      }
      return text.charAt(pos++);
    }

    // The message names the position only: the text may carry a refresh token.
    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
    }
  }
}
