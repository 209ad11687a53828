package dev.waasj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.json.JsonValues;
import dev.waasj.json.Validatable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a {@code oneOf} type: a sealed interface whose subtypes are generated models.
 *
 * <p>With a discriminator, the value of that JSON property picks the subtype, as the spec's mapping says. A value
 * the mapping does not list, a missing discriminator, or JSON that is not an object becomes the interface's
 * {@code Unknown} variant, which keeps the JSON as received and writes it back unchanged: a newer server never
 * breaks an older client. When a subtype that stands for exactly one discriminator value is written without its
 * discriminator property set, that value is added, so the server can tell the variant apart.
 *
 * <p>Without a discriminator, the subtypes are tried in spec order and the first that reads without error and has
 * every required field wins; JSON that none of them fits becomes {@code Unknown}.
 *
 * <p>Generated code builds one with {@link #builder}; it is not meant to be configured by hand.
 *
 * @param <T> the sealed interface
 */
public final class OneOfAdapter<T> extends JsonAdapter<T> {
  private final Class<T> type;
  private final @Nullable String discriminator;
  private final JsonReader.@Nullable Options discriminatorOption;
  private final Map<String, JsonAdapter<? extends T>> byTag;
  private final List<Variant<T>> variants;
  private final Class<? extends T> unknownType;
  private final Function<@Nullable Object, ? extends T> unknown;
  private final Function<T, @Nullable Object> unknownJson;
  private final Moshi moshi;

  private OneOfAdapter(Builder<T> builder) {
    this.type = builder.type;
    this.discriminator = builder.discriminator;
    this.discriminatorOption = discriminator == null ? null : JsonReader.Options.of(discriminator);
    this.moshi = builder.moshi;
    this.unknownType = builder.unknownType;
    this.unknown = builder.unknown;
    this.unknownJson = builder.unknownJson;
    Map<Class<? extends T>, JsonAdapter<? extends T>> adapters = new HashMap<>();
    Map<Class<? extends T>, List<String>> tags = new LinkedHashMap<>();
    this.byTag = new HashMap<>();
    for (Map.Entry<String, Class<? extends T>> mapping : builder.mapping.entrySet()) {
      JsonAdapter<? extends T> adapter = adapters.computeIfAbsent(mapping.getValue(), moshi::adapter);
      byTag.put(mapping.getKey(), adapter);
      tags.computeIfAbsent(mapping.getValue(), k -> new ArrayList<>()).add(mapping.getKey());
    }
    for (Class<? extends T> subtype : builder.order) {
      tags.computeIfAbsent(subtype, k -> new ArrayList<>());
    }
    List<Variant<T>> list = new ArrayList<>();
    for (Map.Entry<Class<? extends T>, List<String>> entry : tags.entrySet()) {
      List<String> subtypeTags = entry.getValue();
      list.add(
          new Variant<>(
              entry.getKey(),
              adapters.computeIfAbsent(entry.getKey(), moshi::adapter),
              subtypeTags.size() == 1 ? subtypeTags.get(0) : null));
    }
    this.variants = List.copyOf(list);
  }

  /**
   * Starts an adapter for {@code type} whose unknown variant is {@code unknownType}.
   *
   * @param unknown wraps JSON no subtype takes (as read by {@link JsonValues#read})
   * @param unknownJson returns the JSON an unknown variant holds, to write it back
   */
  public static <T, U extends T> Builder<T> builder(
      Moshi moshi,
      Class<T> type,
      Class<U> unknownType,
      Function<@Nullable Object, U> unknown,
      Function<U, @Nullable Object> unknownJson) {
    return new Builder<>(moshi, type, unknownType, unknown, value -> unknownJson.apply(unknownType.cast(value)));
  }

  @Override
  public @Nullable T fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (discriminator == null) {
      return readByTrying(reader);
    }
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      return unknown.apply(JsonValues.read(reader));
    }
    JsonAdapter<? extends T> adapter = byTag.get(tagOf(reader));
    if (adapter == null) {
      return unknown.apply(JsonValues.read(reader));
    }
    return adapter.fromJson(reader);
  }

  /** Finds the discriminator's value without consuming anything from {@code reader}. */
  private @Nullable String tagOf(JsonReader reader) throws IOException {
    JsonReader peek = reader.peekJson();
    peek.beginObject();
    while (peek.hasNext()) {
      if (peek.selectName(Objects.requireNonNull(discriminatorOption)) == 0) {
        JsonReader.Token token = peek.peek();
        if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
          return peek.nextString();
        }
        return null;
      }
      peek.skipName();
      peek.skipValue();
    }
    return null;
  }

  private T readByTrying(JsonReader reader) throws IOException {
    Object json = JsonValues.read(reader);
    for (Variant<T> variant : variants) {
      try {
        T value = variant.adapter.fromJsonValue(json);
        if (value instanceof Validatable) {
          // Models read leniently, so any object reads as any shape: only one with its required fields fits.
          ((Validatable) value).validate();
        }
        if (value != null) {
          return value;
        }
      } catch (JsonDataException | IllegalArgumentException | MissingFieldException e) {
        // Not this variant; try the next.
      }
    }
    return unknown.apply(json);
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    if (unknownType.isInstance(value)) {
      JsonValues.write(writer, unknownJson.apply(value), moshi);
      return;
    }
    Variant<T> variant = variantOf(value);
    if (discriminator == null || variant.onlyTag == null) {
      variant.write(writer, value);
    } else {
      writeWithTag(writer, value, variant, discriminator, variant.onlyTag);
    }
  }

  private Variant<T> variantOf(T value) {
    for (Variant<T> variant : variants) {
      if (variant.type == value.getClass()) {
        return variant;
      }
    }
    for (Variant<T> variant : variants) {
      if (variant.type.isInstance(value)) {
        return variant; // a value of a nested oneOf interface
      }
    }
    throw new IllegalArgumentException(
        value.getClass().getName() + " is not a variant of " + type.getName() + " this adapter knows");
  }

  /** Writes the variant, adding {@code property: tag} first when the variant's own JSON lacks the property. */
  private static <T> void writeWithTag(JsonWriter writer, T value, Variant<T> variant, String property, String tag)
      throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter bufferWriter = JsonWriter.of(buffer);
    bufferWriter.setSerializeNulls(writer.getSerializeNulls());
    variant.write(bufferWriter, value);
    bufferWriter.flush();
    if (!lacksMember(buffer.clone(), property)) {
      writer.value(buffer);
      return;
    }
    JsonReader members = JsonReader.of(buffer);
    writer.beginObject();
    writer.name(property).value(tag);
    members.beginObject();
    while (members.hasNext()) {
      writer.name(members.nextName());
      try (BufferedSink sink = writer.valueSink();
          BufferedSource source = members.nextSource()) {
        sink.writeAll(source);
      }
    }
    members.endObject();
    writer.endObject();
  }

  private static boolean lacksMember(Buffer json, String property) throws IOException {
    JsonReader reader = JsonReader.of(json);
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      return false;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals(property)) {
        return false;
      }
      reader.skipValue();
    }
    return true;
  }

  @Override
  public String toString() {
    return "OneOfAdapter(" + type.getSimpleName() + ")";
  }

  /** A subtype, its adapter and, when it stands for exactly one discriminator value, that value. */
  private static final class Variant<T> {
    final Class<? extends T> type;
    final JsonAdapter<? extends T> adapter;
    final @Nullable String onlyTag;

    Variant(Class<? extends T> type, JsonAdapter<? extends T> adapter, @Nullable String onlyTag) {
      this.type = type;
      this.adapter = adapter;
      this.onlyTag = onlyTag;
    }

    @SuppressWarnings("unchecked") // checked: callers pass only values that are instances of type
    void write(JsonWriter writer, T value) throws IOException {
      ((JsonAdapter<T>) adapter).toJson(writer, value);
    }
  }

  /**
   * Configures a {@link OneOfAdapter}.
   *
   * @param <T> the sealed interface
   */
  public static final class Builder<T> {
    private final Moshi moshi;
    private final Class<T> type;
    private final Class<? extends T> unknownType;
    private final Function<@Nullable Object, ? extends T> unknown;
    private final Function<T, @Nullable Object> unknownJson;
    private @Nullable String discriminator;
    private final Map<String, Class<? extends T>> mapping = new LinkedHashMap<>();
    private final List<Class<? extends T>> order = new ArrayList<>();

    private Builder(
        Moshi moshi,
        Class<T> type,
        Class<? extends T> unknownType,
        Function<@Nullable Object, ? extends T> unknown,
        Function<T, @Nullable Object> unknownJson) {
      this.moshi = moshi;
      this.type = type;
      this.unknownType = unknownType;
      this.unknown = unknown;
      this.unknownJson = unknownJson;
    }

    /** Names the JSON property whose value selects the subtype. */
    public Builder<T> discriminator(String property) {
      this.discriminator = property;
      return this;
    }

    /** Maps a discriminator value to a subtype; several values may map to the same subtype. */
    public Builder<T> subtype(String tag, Class<? extends T> subtype) {
      mapping.put(tag, subtype);
      return this;
    }

    /** Adds a subtype to try, in order, when there is no discriminator. */
    public Builder<T> subtype(Class<? extends T> subtype) {
      order.add(subtype);
      return this;
    }

    /** Returns the adapter; subtype adapters are resolved from Moshi now. */
    public OneOfAdapter<T> build() {
      return new OneOfAdapter<>(this);
    }
  }
}
