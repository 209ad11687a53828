package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The starter's jar carries the metadata IDEs complete {@code cobo.*} properties from, each with a description. */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDescribedForIdeCompletion() throws Exception {
    String json;
    try (InputStream in = CoboProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata the configuration processor writes").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonAdapter<Map<String, Object>> adapter =
        new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    Map<String, Map<String, Object>> properties = entries(adapter.fromJson(json).get("properties")).stream()
        .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p));

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

  @SuppressWarnings("unchecked") // the metadata format: "properties" is an array of objects
  private static List<Map<String, Object>> entries(Object properties) {
    return (List<Map<String, Object>>) properties;
  }
}
