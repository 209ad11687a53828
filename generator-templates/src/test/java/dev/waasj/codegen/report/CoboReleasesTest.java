package dev.waasj.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The report between two real releases of Cobo's spec (read in place from {@code ../shared/specs}), checked against
 * an independent reading of both files: SnakeYAML with every scalar a string, walking {@code paths} by method key.
 * A missing file fails the test: CI must run it.
 */
class CoboReleasesTest {
  static final Path SPECS = Path.of("..", "..", "shared", "specs").toAbsolutePath().normalize();
  static final Path OLD = SPECS.resolve("previous/cobo-waas2-openapi-1.33.0.yaml");
  static final Path NEW = SPECS.resolve("cobo-waas2-openapi-1.38.0.yaml");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  static Path out;
  static Map<String, Object> json;

  @BeforeAll
  static void report(@TempDir Path dir) throws IOException {
    assertThat(OLD).as("Cobo's 1.33.0 spec, read in place").isRegularFile();
    assertThat(NEW).as("Cobo's 1.38.0 spec, read in place").isRegularFile();
    out = dir;
    int status = RegenerationReport.run(new String[] {
        "--previous", OLD.toString(), "--spec", NEW.toString(), "--out", dir.toString(), "--templates", "java"},
        System.out, System.err);
    assertThat(status).isZero();
    json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
        dir.resolve("regeneration-report.json").toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }

  @Test
  void listsExactlyTheOperationsAnIndependentParseFindsAddedAndRemoved() throws IOException {
    Set<String> before = operations(OLD);
    Set<String> after = operations(NEW);
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(after);

    assertThat(keys("operationsAdded")).isEqualTo(added).hasSize(11);
    assertThat(keys("operationsRemoved")).isEqualTo(removed).hasSize(2);
    assertThat(json.get("sourceCompatible")).isEqualTo(false); // two operations are gone
  }

  @Test
  void namesTheJavaMethodsOfEachAddedAndRemovedOperation() throws IOException {
    for (String list : List.of("operationsAdded", "operationsRemoved")) {
      for (Map<String, Object> op : entries(list)) {
        @SuppressWarnings("unchecked")
        List<String> methods = (List<String>) op.get("javaMethods");
        String method = lowerCamel((String) op.get("operationId"));
        assertThat(methods.get(0)).as(op.toString()).matches("[a-z][A-Za-z0-9]*\\(\\)\\." + method);
        assertThat(methods.get(1)).isEqualTo(methods.get(0) + "Async");
        // A list operation (limit + after) gets its pager twin.
        boolean paged = methods.size() == 3;
        if (paged) {
          assertThat(methods.get(2)).isEqualTo(methods.get(0) + "All");
        }
        assertThat(paged).as(op.toString()).isEqualTo(method.startsWith("list") && takesLimitAndAfter(op, list));
      }
    }
    String markdown = Files.readString(out.resolve("regeneration-report.md"));
    assertThat(markdown).contains("gone: `payment().listBankAccounts`, `payment().listBankAccountsAsync`");
  }

  /** A spec compared with a copy of itself (outside the project, in a temporary folder) reports nothing. */
  @Test
  void theSameReleaseReportsNoChange(@TempDir Path dir) throws IOException {
    Path copy = Files.copy(NEW, dir.resolve("copy-of-1.38.0.yaml"));
    Report report = Report.compare(NEW, copy, Path.of("java"));

    assertThat(report.changes()).isEmpty();
    assertThat(report.sourceCompatible()).isTrue();
  }

  private boolean takesLimitAndAfter(Map<String, Object> op, String list) throws IOException {
    Map<String, Object> spec = yaml(list.equals("operationsAdded") ? NEW : OLD);
    Map<?, ?> operation = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec.get("paths")).get(op.get("path")))
        .get(((String) op.get("method")).toLowerCase(Locale.ROOT));
    String text = String.valueOf(operation.get("parameters"));
    return text.contains("limit") && text.contains("after");
  }

  private static Set<String> keys(String list) {
    Set<String> keys = new TreeSet<>();
    for (Map<String, Object> op : entries(list)) {
      keys.add(op.get("method") + " " + op.get("path"));
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(String list) {
    return (List<Map<String, Object>>) json.get(list);
  }

  private static Set<String> operations(Path spec) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Map.Entry<?, ?> path : ((Map<?, ?>) yaml(spec).get("paths")).entrySet()) {
      for (Object key : ((Map<?, ?>) path.getValue()).keySet()) {
        if (METHODS.contains(key)) {
          out.add(key.toString().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return out;
  }

  /** Every scalar a string: stock YAML 1.1 resolution stops at Cobo's unquoted {@code =}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path spec) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    Resolver strings = new Resolver() {
      @Override
      protected void addImplicitResolvers() {}
    };
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
        new org.yaml.snakeyaml.DumperOptions(), options, strings);
    try (Reader reader = Files.newBufferedReader(spec)) {
      return (Map<String, Object>) yaml.load(reader);
    }
  }

  private static String lowerCamel(String snake) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("[A-Za-z0-9]+").matcher(snake);
    List<String> words = new ArrayList<>();
    while (m.find()) {
      words.add(m.group());
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      out.append(i == 0 ? w.substring(0, 1).toLowerCase(Locale.ROOT) : w.substring(0, 1).toUpperCase(Locale.ROOT))
          .append(w.substring(1));
    }
    return out.toString();
  }
}
