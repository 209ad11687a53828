package dev.waasj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes JSON that a schema accepts, deterministically: the same seed, schema and key always give the same value, so
 * a test sees the same wallets every run. Follows the schema's structure (required and, near the top, optional
 * properties; one shape of a {@code oneOf}, with its discriminator set to that shape's value; {@code allOf} merged;
 * enums, formats, bounds and lengths respected) and prefers the spec's own examples for strings and numbers.
 */
final class Synthesizer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 10;
  private static final int OPTIONAL_DEPTH = 3;
  private static final long BASE_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private final SpecModel spec;
  private final long seed;
  private final boolean forRequests;

  /** Makes answers (no write-only members), or with {@code forRequests} requests (no read-only members). */
  Synthesizer(SpecModel spec, long seed, boolean forRequests) {
    this.spec = spec;
    this.seed = seed;
    this.forRequests = forRequests;
  }

  /** A value for {@code schema}; {@code key} names the place, so different places get different values. */
  JsonNode value(Schema<?> schema, String key) {
    return value(schema, key, 0, "");
  }

  /**
   * Like {@link #value(Schema, String)}, but when the schema is a {@code oneOf} whose discriminator {@code hints}
   * names, the shape of that value: {@code wallet_type=MPC} makes an MPC wallet, not a custodial one relabelled.
   */
  JsonNode value(Schema<?> schema, String key, Map<String, String> hints) {
    Schema<?> resolved = spec.resolve(schema);
    Discriminator discriminator = spec.discriminators.get(resolved);
    if (discriminator != null && discriminator.getMapping() != null) {
      String wanted = hints.get(discriminator.getPropertyName());
      String ref = wanted == null ? null : discriminator.getMapping().get(wanted);
      Schema<?> shape = ref == null ? null : spec.component(ref.substring(ref.lastIndexOf('/') + 1).replaceAll(":$", ""));
      if (shape != null) {
        JsonNode value = value(shape, key + "|" + wanted, 0, "");
        if (value.isObject()) {
          ((ObjectNode) value).put(discriminator.getPropertyName(), wanted);
        }
        return value;
      }
    }
    return value(schema, key);
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' schema collections are raw
  private JsonNode value(Schema<?> raw, String key, int depth, String name) {
    Schema<?> schema = spec.resolve(raw);
    SplittableRandom random = new SplittableRandom(seed * 31 + key.hashCode());
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      List<Object> values = new ArrayList<>(schema.getEnum());
      values.removeIf(v -> v == null);
      if (!values.isEmpty()) {
        return literal(values.get(random.nextInt(values.size())));
      }
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      ObjectNode merged = NODES.objectNode();
      int i = 0;
      for (Schema member : schema.getAllOf()) {
        JsonNode part = value(member, key + "&" + i++, depth, name);
        if (part.isObject()) {
          merged.setAll((ObjectNode) part);
        }
      }
      if (schema.getProperties() != null) {
        merged.setAll((ObjectNode) object(schema, key, depth));
      }
      return merged;
    }
    List<Schema> shapes = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
    if (shapes != null && !shapes.isEmpty()) {
      return oneOf(schema, shapes, key, depth, random);
    }
    String type = type(schema);
    switch (type) {
      case "object":
        return depth > MAX_DEPTH ? NODES.objectNode() : object(schema, key, depth);
      case "array":
        return array(schema, key, depth, random);
      case "integer":
        return integer(schema, name, random);
      case "number":
        return number(schema, random);
      case "boolean":
        return NODES.booleanNode(random.nextBoolean());
      default:
        return string(schema, key, name, random);
    }
  }

  @SuppressWarnings("rawtypes")
  private JsonNode oneOf(Schema<?> schema, List<Schema> shapes, String key, int depth, SplittableRandom random) {
    Discriminator discriminator = spec.discriminators.get(schema);
    if (discriminator == null) {
      discriminator = schema.getDiscriminator();
    }
    if (discriminator != null && discriminator.getMapping() != null && !discriminator.getMapping().isEmpty()) {
      List<Map.Entry<String, String>> mapping = new ArrayList<>(discriminator.getMapping().entrySet());
      for (int attempt = 0; attempt < mapping.size(); attempt++) {
        Map.Entry<String, String> chosen = mapping.get((random.nextInt(mapping.size()) + attempt) % mapping.size());
        String target = chosen.getValue().substring(chosen.getValue().lastIndexOf('/') + 1).replaceAll(":$", "");
        Schema<?> shape = spec.component(target);
        if (shape != null) {
          JsonNode value = value(shape, key + "|" + chosen.getKey(), depth, "");
          if (value.isObject()) {
            ((ObjectNode) value).put(discriminator.getPropertyName(), chosen.getKey());
          }
          return value;
        }
      }
    }
    return value(shapes.get(0), key + "|0", depth, "");
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private JsonNode object(Schema<?> schema, String key, int depth) {
    ObjectNode object = NODES.objectNode();
    Map<String, Schema> properties = schema.getProperties();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    if (properties != null) {
      for (Map.Entry<String, Schema> p : properties.entrySet()) {
        Schema<?> property = p.getValue();
        if (Boolean.TRUE.equals(forRequests ? property.getReadOnly() : property.getWriteOnly())) {
          continue; // answers never carry write-only members, requests never read-only ones
        }
        if (required.contains(p.getKey()) || depth < OPTIONAL_DEPTH) {
          object.set(p.getKey(), value(property, key + "." + p.getKey(), depth + 1, p.getKey()));
        }
      }
    } else if (schema.getAdditionalProperties() instanceof Schema && depth < OPTIONAL_DEPTH) {
      object.set("key1", value((Schema<?>) schema.getAdditionalProperties(), key + ".*", depth + 1, "key1"));
    }
    return object;
  }

  private JsonNode array(Schema<?> schema, String key, int depth, SplittableRandom random) {
    ArrayNode array = NODES.arrayNode();
    if (schema.getItems() == null || depth > MAX_DEPTH) {
      return array;
    }
    int min = schema.getMinItems() == null ? 1 : schema.getMinItems();
    int max = schema.getMaxItems() == null ? Math.max(min, 2) : schema.getMaxItems();
    int count = Math.min(max, Math.max(min, 1 + random.nextInt(2)));
    for (int i = 0; i < count; i++) {
      array.add(value(schema.getItems(), key + "[" + i + "]", depth + 1, ""));
    }
    if (Boolean.TRUE.equals(schema.getUniqueItems())) {
      // Values from different keys can still collide (an enum of two values, say): keep the distinct ones.
      ArrayNode unique = NODES.arrayNode();
      array.forEach(v -> {
        if (!contains(unique, v)) {
          unique.add(v);
        }
      });
      return unique;
    }
    return array;
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode v : array) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode integer(Schema<?> schema, String name, SplittableRandom random) {
    BigDecimal min = schema.getMinimum();
    BigDecimal max = schema.getMaximum();
    if (schema.getExample() instanceof Number && within(new BigDecimal(schema.getExample().toString()), schema)) {
      return NODES.numberNode(new BigDecimal(schema.getExample().toString()).toBigInteger());
    }
    long value;
    if (name.endsWith("timestamp") || name.endsWith("_time") || name.endsWith("_at")) {
      value = BASE_MILLIS + random.nextInt(1_000_000) * 1000L;
    } else {
      value = 1 + random.nextInt(100);
    }
    if (min != null && BigDecimal.valueOf(value).compareTo(min) < 0) {
      value = min.longValue() + (Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? 1 : 0);
    }
    if (max != null && BigDecimal.valueOf(value).compareTo(max) > 0) {
      value = max.longValue() - (Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? 1 : 0);
    }
    return NODES.numberNode(value);
  }

  private JsonNode number(Schema<?> schema, SplittableRandom random) {
    if (schema.getExample() instanceof Number && within(new BigDecimal(schema.getExample().toString()), schema)) {
      return NODES.numberNode(new BigDecimal(schema.getExample().toString()));
    }
    BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(1000)).movePointLeft(1);
    if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
      value = schema.getMinimum();
    }
    if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
      value = schema.getMaximum();
    }
    return NODES.numberNode(value);
  }

  private static boolean within(BigDecimal value, Schema<?> schema) {
    return (schema.getMinimum() == null || value.compareTo(schema.getMinimum()) >= 0)
        && (schema.getMaximum() == null || value.compareTo(schema.getMaximum()) <= 0);
  }

  private JsonNode string(Schema<?> schema, String key, String name, SplittableRandom random) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    String value;
    switch (format) {
      case "uuid":
        value = uuid(key);
        break;
      case "date-time":
        value = Instant.ofEpochMilli(BASE_MILLIS + random.nextInt(1_000_000) * 1000L).toString();
        break;
      case "date":
        value = LocalDate.ofInstant(Instant.ofEpochMilli(BASE_MILLIS), ZoneOffset.UTC).plusDays(random.nextInt(365)).toString();
        break;
      case "email":
        value = "user" + random.nextInt(1000) + "@example.com";
        break;
      case "uri":
      case "url":
        value = "https://example.com/" + Integer.toHexString(key.hashCode());
        break;
      case "byte":
        value = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        break;
      default:
        if (forRequests && name.equals("request_id")) {
          value = uuid(key); // an idempotency key: one per request, never the spec's shared example
        } else if (schema.getExample() instanceof String) {
          value = (String) schema.getExample();
        } else if (name.endsWith("_id") || name.equals("id")) {
          value = uuid(key);
        } else {
          value = (name.isEmpty() ? "value" : name) + "-" + Integer.toHexString(random.nextInt(0x10000));
        }
    }
    if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
      value = value.substring(0, schema.getMaxLength());
    }
    if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
      value = value + "x".repeat(schema.getMinLength() - value.length());
    }
    return NODES.textNode(value);
  }

  private String uuid(String key) {
    return UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      return schema.getTypes().iterator().next();
    }
    if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
      return "object";
    }
    if (schema.getItems() != null) {
      return "array";
    }
    return "object";
  }

  private static JsonNode literal(Object value) {
    if (value instanceof Number) {
      return NODES.numberNode(new BigDecimal(value.toString()));
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    return NODES.textNode(String.valueOf(value));
  }

  /**
   * The properties an object of {@code schema} can have: its own, its {@code allOf} members', and for detection
   * (list shapes, {@code request_id}) its {@code oneOf}/{@code anyOf} shapes'. Order is the spec's.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Map<String, Schema> properties(SpecModel spec, @Nullable Schema<?> raw) {
    Map<String, Schema> all = new LinkedHashMap<>();
    if (raw == null) {
      return all;
    }
    collect(spec, spec.resolve(raw), all, 0);
    return all;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void collect(SpecModel spec, Schema<?> schema, Map<String, Schema> into, int depth) {
    if (depth > 5) {
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach(into::putIfAbsent);
    }
    for (List<Schema> members : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
      if (members != null) {
        for (Schema member : members) {
          collect(spec, spec.resolve(member), into, depth + 1);
        }
      }
    }
  }
}
