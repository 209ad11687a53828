package dev.waasj.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTidyTest {
  static final String LONG_CLASS =
      """
      package demo.model;

      import demo.model.Sibling;
      import java.util.Objects;
      import java.util.Map;
      import java.util.List;
      import java.util.List;
      
      /** Mentions {@link Map} in Javadoc only, which still needs the import. */
      public final class Sample implements java.io.Serializable, Comparable<Sample>, java.util.function.Supplier<String> {
        private static final long serialVersionUID = 1L;
        private static final List<String> NAMES = List.of("request_id", "merchant_id", "payable_amount", "to_address", "token_id", "refund_type", "order_id", "charge_merchant_fee");
        private final java.util.function.Function<java.util.List<java.util.Map<String, Integer>>, String> veryLongFieldNameForTheRecord = x -> "a, b = c && d (e) // not a comment";

        public String describeTheSampleWithAVeryLongMethodName(String firstArgumentWithALongName, int secondArgumentWithALongName, boolean third) throws IllegalStateException {
          return "Sample{" + "first=" + firstArgumentWithALongName + ", second=" + secondArgumentWithALongName + ", third=" + third + "}";
        }

        public boolean check(int a, int b) {
          return a > 1 && b > 2 && Objects.hash(a, b, a + b, a * b, a - b, b - a, a / (b == 0 ? 1 : b), a % 3, b % 3, a << 1, b << 1) > 0;
        }

        @Override
        public int compareTo(Sample other) {
          return Objects.compare(this.get(), other.get(), java.util.Comparator.<String>naturalOrder().thenComparing(String::length));
        }

        @Override
        public String get() {
          return NAMES.get(0) + veryLongFieldNameForTheRecord.apply(List.of(java.util.Map.of("a", 1)));
        }
      }
      """;

  @Test
  void unusedRepeatedAndSamePackageImportsGoAndTheRestIsSorted() {
    String tidy = SourceTidy.pruneImports(LONG_CLASS);

    // Function is mentioned only qualified (java.util.function.Function), so its import goes too.
    assertThat(imports(tidy)).containsExactly("import java.util.List;", "import java.util.Map;", "import java.util.Objects;");
  }

  @Test
  void wrappedCodeHasNoLineOver120AndTheSameTokens() {
    String tidy = SourceTidy.tidy(LONG_CLASS);

    assertThat(tidy.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(squeeze(body(tidy))).isEqualTo(squeeze(body(LONG_CLASS)));
    // no string literal was cut
    Matcher strings = Pattern.compile("\"[^\"]*\"").matcher(body(LONG_CLASS));
    while (strings.find()) {
      assertThat(tidy).contains(strings.group());
    }
  }

  @Test
  void wrappedCodeStillCompiles(@TempDir Path dir) {
    String tidy = SourceTidy.tidy(LONG_CLASS + "class Sibling {}\n");
    assertThat(compile(tidy, dir)).isEmpty();
  }

  @Test
  void continuationsIndentFourMorePerLevelOfNesting() {
    List<String> lines = SourceTidy.wrapCode(
        "  private static final Options NAMES = Options.of(\"data_type\", \"order_id\", \"merchant_id\", "
            + "\"merchant_order_code\", \"psp_order_code\", \"pricing_currency\", \"pricing_amount\");");

    assertThat(lines).containsExactly(
        "  private static final Options NAMES =",
        "      Options.of(",
        "          \"data_type\", \"order_id\", \"merchant_id\", \"merchant_order_code\", \"psp_order_code\", "
            + "\"pricing_currency\",",
        "          \"pricing_amount\");");
  }

  @Test
  void aMethodSignatureBreaksBeforeThrowsFirst() {
    assertThat(SourceTidy.wrapCode(
            "    public void toJson(JsonWriter writer, @Nullable ListBabylonStakingRegistrations200Response value) "
                + "throws IOException {"))
        .containsExactly(
            "    public void toJson(JsonWriter writer, @Nullable ListBabylonStakingRegistrations200Response value)",
            "        throws IOException {");
  }

  @Test
  void javadocIsReflowedWithoutStartingATagOrSplittingALink() {
    String words = "word ".repeat(30) + "@notATag {@link java.util.Map#of(Object, Object)} " + "more ".repeat(30);
    List<String> lines = SourceTidy.wrapComment("   * @param value " + words.trim());

    assertThat(lines).allSatisfy(line -> {
      assertThat(line.length()).isLessThanOrEqualTo(120);
      assertThat(line).startsWith("   * ");
    });
    assertThat(lines.get(0)).startsWith("   * @param value word");
    assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("   *     ").doesNotStartWith("   *     @"));
    assertThat(String.join(" ", lines).replaceAll("\\s*\\*\\s+", " ")).contains("{@link java.util.Map#of(Object, Object)}");
    assertThat(squeeze(String.join(" ", lines).replace("*", ""))).isEqualTo(squeeze(("@param value " + words).replace("*", "")));
  }

  @Test
  void aLongOneLineJavadocBecomesABlock() {
    String tidy = SourceTidy.wrap("  /** " + "Explains the field at length. ".repeat(6) + "*/");
    assertThat(tidy.lines().toList()).first().isEqualTo("  /**");
    assertThat(tidy.lines().toList()).last().isEqualTo("   */");
    assertThat(tidy.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
  }

  @Test
  void aWordLongerThanTheLineOverflowsAloneAndTheRestStillWraps() {
    String url = "https://example.com/" + "segment/".repeat(16);
    List<String> lines = SourceTidy.wrapComment(" * See " + url + " " + "then read on ".repeat(12));
    assertThat(lines).filteredOn(line -> line.length() > 120).containsExactly(" * " + url);
  }

  @Test
  void mustacheEntitiesMarkdownCodeAndLinksReadAsJavadoc() {
    String tidy = SourceTidy.unescapeJavadoc(
        "  /**\n   * The wallet&#39;s &#x60;wallet_id&#x60; &#x3D; &quot;x&quot;, a \\\"quote\\\", see "
            + "[the guide](https://www.cobo.com/developers/v2/guides). 1 &lt; 2 &amp;&amp; 3 &gt; 2\n   */\n"
            + "  String s = \"&#39;\";");

    assertThat(tidy).contains("The wallet's {@code wallet_id} = \"x\", a \"quote\", see "
        + "<a href=\"https://www.cobo.com/developers/v2/guides\">the guide</a>. 1 &lt; 2 &amp;&amp; 3 &gt; 2");
    assertThat(tidy).as("code is left alone").endsWith("String s = \"&#39;\";");
  }

  @Test
  void randomLongCallsWrapToTheSameTokens() {
    Random random = new Random(42);
    for (int n = 0; n < 500; n++) {
      StringBuilder line = new StringBuilder("    this.field" + n + " = call" + n + "(");
      int args = 1 + random.nextInt(30);
      for (int i = 0; i < args; i++) {
        line.append(i == 0 ? "" : ", ").append(random.nextBoolean() ? "\"s, = && (" + i + "\"" : "arg" + i);
      }
      line.append(");");
      List<String> wrapped = SourceTidy.wrapCode(line.toString());
      assertThat(squeeze(String.join(" ", wrapped))).isEqualTo(squeeze(line.toString()));
      assertThat(wrapped).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
    }
  }

  private static List<String> imports(String source) {
    return source.lines().filter(l -> l.startsWith("import ")).toList();
  }

  private static String body(String source) {
    return source.substring(source.indexOf("public final class"));
  }

  /** The text with whitespace outside string literals removed. */
  private static String squeeze(String text) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inString = !inString;
      }
      if (inString || !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> compile(String source, Path dir) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///demo/model/Sample.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    boolean ok = compiler.getTask(null, null, diagnostics, List.of("-d", dir.toString()), null, List.of(file)).call();
    List<String> errors = new ArrayList<>();
    diagnostics.getDiagnostics().forEach(d -> errors.add(d.toString()));
    if (!ok && errors.isEmpty()) {
      errors.add("compilation failed");
    }
    return errors;
  }
}
