package dev.waasj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.redaction.SecretNames;
import dev.waasj.json.Validatable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Small helpers that generated models call; kept here so templates stay short and behaviour is tested once. */
public final class ModelSupport {
  /** What {@code toString()} prints in place of a sensitive value: {@link SecretNames#MARKER}. */
  public static final String REDACTED = SecretNames.MARKER;

  private ModelSupport() {}

  /** Returns {@code "[REDACTED]"} for a present value and {@code "null"} for an absent one. */
  public static String redact(@Nullable Object value) {
    return value == null ? "null" : REDACTED;
  }

  /**
   * How {@code toString()} shows the field or parameter {@code name} (its JSON name): redacted if {@link
   * SecretNames#isSecret} says the name holds a secret, unless the value is a model, which redacts its own fields;
   * as is otherwise.
   */
  public static String shown(String name, @Nullable Object value) {
    return value != null && !(value instanceof Validatable) && SecretNames.isSecret(name)
        ? REDACTED
        : String.valueOf(value);
  }

  /**
   * Rejects a null argument for a required field at the moment it is passed.
   *
   * @throws IllegalArgumentException naming the model and JSON field, if {@code value} is null
   */
  public static <T> T requireArgument(@Nullable T value, String model, String field) {
    if (value == null) {
      throw new IllegalArgumentException(model + "." + field + " is required and must not be null");
    }
    return value;
  }

  /**
   * Rejects building a model whose required field was never set.
   *
   * @throws IllegalStateException naming the model and JSON field
   */
  public static void requireSet(@Nullable Object value, String model, String field) {
    if (value == null) {
      throw new IllegalStateException(model + "." + field + " is required but was not set");
    }
  }

  /**
   * Returns a required field's value, or throws the typed exception that says the response lacked it.
   *
   * @throws MissingFieldException naming the model and the JSON field, if {@code value} is null
   */
  public static <T> T required(@Nullable T value, String model, String field) {
    if (value == null) {
      throw new MissingFieldException(model, field);
    }
    return value;
  }

  /** Validates {@code value} if it is a model, or the models a list, set or map holds; anything else passes. */
  public static void validateNested(@Nullable Object value) {
    if (value instanceof Validatable) {
      ((Validatable) value).validate();
    } else if (value instanceof Collection) {
      for (Object element : (Collection<?>) value) {
        validateNested(element);
      }
    } else if (value instanceof Map) {
      for (Object element : ((Map<?, ?>) value).values()) {
        validateNested(element);
      }
    }
  }

  /**
   * Writes a member that is required but nullable: present even when the value is null, whatever the writer's
   * {@code serializeNulls} setting.
   */
  public static <T> void writeNullable(JsonWriter writer, String name, JsonAdapter<T> adapter, @Nullable T value)
      throws IOException {
    if (value != null) {
      writer.name(name);
      adapter.toJson(writer, value);
    } else {
      writeNullMember(writer, name);
    }
  }

  /** An unmodifiable copy of {@code list} (null stays null), so a built model cannot change under its user. */
  public static <E> @Nullable List<E> immutable(@Nullable List<E> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable, order-keeping copy of {@code set} (null stays null). */
  public static <E> @Nullable Set<E> immutable(@Nullable Set<E> set) {
    return set == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(set));
  }

  /** An unmodifiable, order-keeping copy of {@code map} (null stays null). */
  public static <K, V> @Nullable Map<K, V> immutable(@Nullable Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Indexes the constants of an open enumeration by their raw value. */
  @SafeVarargs
  public static <K, E> Map<K, E> index(Function<E, K> value, E... constants) {
    Map<K, E> map = new HashMap<>();
    for (E constant : constants) {
      map.put(value.apply(constant), constant);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Writes {@code "name": null}, whatever the writer's {@code serializeNulls} setting. */
  public static void writeNullMember(JsonWriter writer, String name) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.name(name).nullValue();
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /** The string value of {@code member} if {@code json} is an object holding a string or number there, else null. */
}
