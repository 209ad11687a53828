package dev.waasj.generated.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checks a spec example against its own schema, independently of the generated code, so the conformance test can
 * tell an example the vendor got wrong (a required field left out, a string where the schema wants an object) from
 * a template bug. Checks what decides whether a strict client can read the JSON: types, required members, the
 * formats the SDK parses (uuid, date, date-time, int32/int64 ranges), and discriminated {@code oneOf}s by their
 * mapping. As in the generated models, a null member counts as absent, and a required member may be absent or
 * null when the schema makes it nullable.
 */
final class ExampleValidator {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final Map<String, Map<String, Object>> schemas;

  ExampleValidator(Map<String, Map<String, Object>> schemas) {
    this.schemas = schemas;
  }

  /** What makes {@code value} invalid for {@code schema}, each with its JSON path; empty when valid. */
  List<String> problems(Map<String, Object> schema, @Nullable Object value) {
    List<String> out = new ArrayList<>();
    check(schema, value, "$", out);
    return out;
  }

  private void check(@Nullable Map<String, Object> schema, @Nullable Object value, String path, List<String> out) {
    Map<String, Object> resolved = resolve(schema);
    if (resolved == null || value == null) {
      return; // an absent schema accepts anything; required-ness of nulls is checked by the enclosing object
    }
    if (SpecYaml.list(resolved, "oneOf") != null) {
      checkOneOf(resolved, value, path, out);
    }
    if (!checkTypesAndFormats(resolved, value, path, out)) {
      return;
    }
    if (value instanceof Map) {
      Map<String, Object> properties = new LinkedHashMap<>();
      Set<Object> required = new LinkedHashSet<>();
      collectObject(resolved, properties, required);
      Map<?, ?> object = (Map<?, ?>) value;
      for (Object name : required) {
        // The generated model can only require what the schema declares; the vendor's required lists sometimes
        // name a property that does not exist (id for endpoint_id), which no client can enforce.
        if (properties.containsKey(name)) {
          Map<String, Object> property = resolve(SpecYaml.map(properties, (String) name));
          boolean nullable = Boolean.TRUE.equals(SpecYaml.at(property, "nullable"));
          if (object.get(name) == null && !nullable) { // absent and null read alike, as in the models
            out.add(path + "." + name + ": required but missing");
          }
        }
      }
      for (Map.Entry<String, Object> property : properties.entrySet()) {
        check(SpecYaml.map(property.getValue()), object.get(property.getKey()), path + "." + property.getKey(), out);
      }
    } else if (value instanceof List) {
      Map<String, Object> items = itemsOf(resolved);
      int i = 0;
      for (Object element : (List<?>) value) {
        check(items, element, path + "[" + i++ + "]", out);
      }
    }
  }

  private @Nullable Map<String, Object> resolve(@Nullable Map<String, Object> schema) {
    Map<String, Object> current = schema;
    while (current != null && current.get("$ref") instanceof String) {
      current = schemas.get(SpecConformanceTest.refName((String) current.get("$ref")));
    }
    return current;
  }

  private List<Map<String, Object>> allOf(Map<String, Object> schema) {
    List<Map<String, Object>> members = new ArrayList<>();
    List<Object> allOf = SpecYaml.list(schema, "allOf");
    for (Object member : allOf == null ? List.of() : allOf) {
      Map<String, Object> resolved = resolve(SpecYaml.map(member));
      if (resolved != null) {
        members.add(resolved);
      }
    }
    return members;
  }

  /** The properties and required names of an object schema and, through allOf, of everything it is made of. */
  private void collectObject(Map<String, Object> schema, Map<String, Object> properties, Set<Object> required) {
    for (Map<String, Object> member : allOf(schema)) {
      collectObject(member, properties, required);
    }
    Map<String, Object> own = SpecYaml.map(schema, "properties");
    if (own != null) {
      properties.putAll(own);
    }
    List<Object> ownRequired = SpecYaml.list(schema, "required");
    if (ownRequired != null) {
      required.addAll(ownRequired);
    }
  }

  private @Nullable Map<String, Object> itemsOf(Map<String, Object> schema) {
    Map<String, Object> items = SpecYaml.map(schema, "items");
    for (Map<String, Object> member : allOf(schema)) {
      items = items != null ? items : itemsOf(member);
    }
    return items;
  }

  /** Checks the schema's own type and format, and those of its allOf members; false if a type is wrong. */
  private boolean checkTypesAndFormats(Map<String, Object> schema, Object value, String path, List<String> out) {
    Object type = schema.get("type");
    if (type == null && schema.containsKey("properties")) {
      type = "object";
    }
    if (type != null && !hasType(String.valueOf(type), value)) {
      out.add(path + ": " + value.getClass().getSimpleName() + " where the schema says " + type);
      return false;
    }
    String format = (String) schema.get("format");
    if (format != null && !hasFormat(format, value)) {
      out.add(path + ": '" + value + "' is not a valid " + format);
    }
    for (Map<String, Object> member : allOf(schema)) {
      if (!checkTypesAndFormats(member, value, path, out)) {
        return false;
      }
    }
    return true;
  }

  private void checkOneOf(Map<String, Object> schema, Object value, String path, List<String> out) {
    String property = (String) SpecYaml.at(schema, "discriminator", "propertyName");
    if (property != null) {
      Object tag = value instanceof Map ? ((Map<?, ?>) value).get(property) : null;
      String target = tag == null ? null : SpecConformanceTest.discriminatorMapping(schema).get(tag.toString());
      if (target != null) {
        check(schemas.get(target), value, path, out); // an unmapped value is legal: it reads as Unknown
      }
      return;
    }
    for (Object member : SpecYaml.list(schema, "oneOf")) {
      List<String> memberProblems = new ArrayList<>();
      check(SpecYaml.map(member), value, path, memberProblems);
      if (memberProblems.isEmpty()) {
        return;
      }
    }
    out.add(path + ": matches none of the oneOf shapes");
  }

  private static boolean hasType(String type, Object value) {
    switch (type) {
      case "object":
        return value instanceof Map;
      case "array":
        return value instanceof List;
      case "string":
        return value instanceof String;
      case "boolean":
        return value instanceof Boolean;
      case "number":
        return value instanceof Number;
      case "integer":
        return value instanceof Number && isIntegral((Number) value);
      default:
        return true;
    }
  }

  private static boolean hasFormat(String format, Object value) {
    try {
      switch (format) {
        case "uuid":
          return !(value instanceof String)
              || UUID.fromString((String) value).toString().equalsIgnoreCase((String) value);
        case "date":
          return !(value instanceof String) || LocalDate.parse((String) value) != null;
        case "date-time":
          return !(value instanceof String) || OffsetDateTime.parse((String) value) != null;
        case "int32":
          return !(value instanceof Number) || within((Number) value, INT_MIN, INT_MAX);
        case "int64":
          return !(value instanceof Number) || within((Number) value, LONG_MIN, LONG_MAX);
        default:
          return true;
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isIntegral(Number value) {
    BigDecimal decimal = new BigDecimal(value.toString());
    return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
  }

  private static boolean within(Number value, BigInteger min, BigInteger max) {
    if (!isIntegral(value)) {
      return true; // not an integer at all: hasType reports that
    }
    BigInteger integer = new BigDecimal(value.toString()).toBigIntegerExact();
    return integer.compareTo(min) >= 0 && integer.compareTo(max) <= 0;
  }
}
