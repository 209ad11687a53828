package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The starter's jar carries the metadata IDEs complete {@code cobo.*} properties from, each with a description, and
 * the README's Spring Boot section lists exactly those properties with the defaults the metadata gives.
 */
class ConfigurationMetadataTest {
  /** A row of the README's property table: {@code | `name` | default | what |}. */
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

  @Test
  void everyPropertyIsDescribedForIdeCompletion() throws Exception {
    Map<String, Map<String, Object>> properties = metadata();

    assertThat(properties).containsKeys(
        "cobo.environment", "cobo.base-url", "cobo.server-public-key", "cobo.api-secret", "cobo.api-secret-pem-file",
        "cobo.api-key-type", "cobo.client-id", "cobo.org-id", "cobo.connect-timeout", "cobo.read-timeout",
        "cobo.write-timeout", "cobo.call-timeout", "cobo.retry.max-retries", "cobo.retry.initial-backoff",
        "cobo.retry.max-backoff", "cobo.http-logging", "cobo.webhooks.path", "cobo.callbacks.path",
        "cobo.metrics.enabled", "management.health.cobo.enabled");
    assertThat(properties.values()).allSatisfy(p ->
        assertThat((String) p.get("description")).as("description of %s", p.get("name")).isNotBlank());
    assertThat(properties.get("cobo.retry.max-retries").get("defaultValue")).isEqualTo(2.0);
  }

  @Test
  void theReadmeListsEveryPropertyWithTheDefaultTheMetadataGives() throws Exception {
    Map<String, Map<String, Object>> properties = metadata();
    String readme = Files.readString(Path.of("..", "README.md")); // both modules running this test sit beside it
    int start = readme.indexOf("\n## Spring Boot\n");
    assertThat(start).as("the README's Spring Boot section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, String> listed = new LinkedHashMap<>();
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      assertThat(listed.put(row.group(1), row.group(2).trim())).as("%s listed once", row.group(1)).isNull();
    }

    assertThat(listed.keySet()).as("the README's property table").containsExactlyInAnyOrderElementsOf(
        properties.keySet());
    assertThat(listed).allSatisfy((name, listedDefault) -> {
      Object value = properties.get(name).get("defaultValue");
      assertThat(listedDefault).as("the default the README gives %s", name)
          .isEqualTo(value == null ? "unset" : "`" + text(value) + "`");
    });
  }

  private static Map<String, Map<String, Object>> metadata() throws Exception {
    String json;
    try (InputStream in = CoboProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata the configuration processor writes").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonAdapter<Map<String, Object>> adapter =
        new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    return entries(adapter.fromJson(json).get("properties")).stream()
        .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p));
  }

  /** A JSON default as the README writes it: 2, not 2.0. */
  private static String text(Object value) {
    return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(value);
  }

  @SuppressWarnings("unchecked") // the metadata format: "properties" is an array of objects
  private static List<Map<String, Object>> entries(Object properties) {
    return (List<Map<String, Object>>) properties;
  }
}
